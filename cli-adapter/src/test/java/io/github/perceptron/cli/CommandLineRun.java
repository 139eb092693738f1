package io.github.perceptron.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** One in-process run of the command line, with what it printed. */
record CommandLineRun(int exitCode, String out, String err) {

    static CommandLineRun of(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), environment, false);
        return new CommandLineRun(code, out.toString(), err.toString());
    }

    /** Non-blank lines of stderr. */
    long errorLines() {
        return err.lines().filter(line -> !line.isBlank()).count();
    }
}

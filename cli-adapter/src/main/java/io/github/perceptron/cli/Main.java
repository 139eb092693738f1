package io.github.perceptron.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.util.Modules;
import io.github.perceptron.cli.console.Console;
import io.github.perceptron.cli.train.Interrupts;
import io.github.perceptron.core.train.KernelInfo;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;

/** Entry point: the one injector, the command line, and the exit code. */
public final class Main {

    private static final String LOG_FORMAT = "java.util.logging.SimpleFormatter.format";
    private static final String GUICE_BYTECODE = "guice_bytecode_gen_option";
    private static final String SLF4J_VERBOSITY = "slf4j.internal.verbosity";

    private Main() {
    }

    public static void main(String[] args) {
        launch(args, Modules.EMPTY_MODULE);
    }

    /**
     * The real command line, as {@link #main}, with {@code overrides} replacing some of the
     * composition root's bindings: how another build (the Spark one) puts its adapters in. Exits.
     */
    public static void launch(String[] args, Module overrides) {
        System.setErr(LauncherStreams.stderr());
        // Core's few notices (which kernel runs, when it falls back) go through System.Logger:
        // one line each, like the command line's own messages, unless the user set a format.
        if (System.getProperty(LOG_FORMAT) == null) {
            System.setProperty(LOG_FORMAT, "perceptron: %5$s%n");
        }
        // Guice generates classes only for method interception, which perceptron does not use;
        // its class definer calls sun.misc.Unsafe, which JDK 24 and later warn about on stderr.
        if (System.getProperty(GUICE_BYTECODE) == null) {
            System.setProperty(GUICE_BYTECODE, "DISABLED");
        }
        // serve's Jetty logs through slf4j, and the jar carries no slf4j provider: a provider would
        // fight Spark's in perceptron-spark (slf4j-jdk14 with Spark's jul-to-slf4j loops forever).
        // Jetty's lines are dropped; serve answers and counts every refusal itself. Without this,
        // slf4j says so in three lines at serve's start.
        if (System.getProperty(SLF4J_VERBOSITY) == null) {
            System.setProperty(SLF4J_VERBOSITY, "ERROR");
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        boolean terminal = isInteractiveTerminal(System.console() != null, System.getenv());
        int code = run(args, out, err, System.getenv(), terminal, Interrupts::install, overrides);
        System.exit(checkOutput(code, out, System.out, err));
    }

    /** Progress bars redraw a line with {@code \r}: only on a terminal, and not on one that says it cannot ({@code TERM=dumb}). */
    static boolean isInteractiveTerminal(boolean console, Map<String, String> environment) {
        return console && !"dumb".equals(environment.get("TERM"));
    }

    /**
     * A result that never reached stdout ({@code > /dev/full}, a closed pipe) is a failed run, not
     * a success: the PrintStream under {@code out} swallows write errors, so both are asked.
     */
    static int checkOutput(int code, PrintWriter out, PrintStream stdout, PrintWriter err) {
        boolean failed = out.checkError() | stdout.checkError();
        if (failed && code == 0) {
            err.println("perceptron: cannot write to standard output (disk full, or the reader went away); "
                    + "the results were not all printed");
            return CommandLine.ExitCode.SOFTWARE;
        }
        return code;
    }

    /** Runs one command and returns its exit code: 0 success, 1 failed run, 2 usage error. */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> environment,
                          boolean terminal) {
        return run(args, out, err, environment, terminal, Interrupts::unhandled);
    }

    /**
     * As above, with {@code signals} deciding whether training takes over SIGINT, SIGTERM and
     * SIGHUP: only the real command line does, never a JVM that embeds or tests it.
     */
    static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> environment, boolean terminal,
                   Interrupts.Source signals) {
        return run(args, out, err, environment, terminal, signals, Modules.EMPTY_MODULE);
    }

    /** As above, with {@code overrides} replacing some of the composition root's bindings. */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> environment, boolean terminal,
                          Interrupts.Source signals, Module overrides) {
        Optional<String> kernelProblem = KernelInfo.forcedProblem();
        if (kernelProblem.isPresent()) {
            err.println("perceptron: " + kernelProblem.get());
            return CommandLine.ExitCode.SOFTWARE;
        }
        try {
            Injector injector = Guice.createInjector(Modules.override(
                    new PerceptronModule(new Console(out, err, terminal), environment, signals)).with(overrides));
            CommandLine commandLine = new CommandLine(PerceptronCommand.class, new GuiceFactory(injector));
            commandLine.setOut(out);
            commandLine.setErr(err);
            commandLine.setExecutionExceptionHandler(new FailureHandler());
            commandLine.setParameterExceptionHandler(new UsageErrorHandler());
            return commandLine.execute(args);
        } catch (Error broken) {
            // picocli hands its handler exceptions only: an Error (ExceptionInInitializerError,
            // OutOfMemoryError) escaped as a raw stack trace. One line, and the trace under --debug.
            err.println("perceptron: internal error: " + broken + " (rerun with --debug for details)");
            FailureHandler.printTrace(broken, err, java.util.Arrays.asList(args).contains("--debug"));
            err.flush();
            return CommandLine.ExitCode.SOFTWARE;
        }
    }
}

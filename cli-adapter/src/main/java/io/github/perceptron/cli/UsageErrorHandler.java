package io.github.perceptron.cli;

import java.io.PrintWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** A usage error: the problem and where to read about the options, on two lines, exit code 2. */
final class UsageErrorHandler implements CommandLine.IParameterExceptionHandler {

    /** Picocli's words for a value a converter refused. */
    private static final Pattern INVALID_VALUE = Pattern.compile("Invalid value for option '(--[\\w-]+)': (.*)", Pattern.DOTALL);

    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
        CommandLine commandLine = e.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println("perceptron: " + withoutRepeatedOption(e.getMessage()));
        String name = commandLine.getCommandSpec().qualifiedName();
        err.println("Try '" + name + " --help' for usage.");
        return CommandLine.ExitCode.USAGE;
    }

    /**
     * Picocli prefixes a converter's refusal with "Invalid value for option '--x': "; the
     * training options' converters already name the option, which need not be said twice.
     */
    static String withoutRepeatedOption(String message) {
        Matcher matcher = INVALID_VALUE.matcher(message);
        return matcher.matches() && matcher.group(2).contains(matcher.group(1)) ? matcher.group(2) : message;
    }
}

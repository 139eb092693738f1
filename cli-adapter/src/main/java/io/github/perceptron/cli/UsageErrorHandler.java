package io.github.perceptron.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** A usage error: the problem and where to read about the options, on two lines, exit code 2. */
final class UsageErrorHandler implements CommandLine.IParameterExceptionHandler {

    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
        CommandLine commandLine = e.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println("perceptron: " + e.getMessage());
        String name = commandLine.getCommandSpec().qualifiedName();
        err.println("Try '" + name + " --help' for usage.");
        return CommandLine.ExitCode.USAGE;
    }
}

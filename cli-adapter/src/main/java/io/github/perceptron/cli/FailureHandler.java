package io.github.perceptron.cli;

import io.github.perceptron.cli.common.CommandFailure;
import io.github.perceptron.cli.common.OptionException;
import io.github.perceptron.core.data.DatasetException;
import io.github.perceptron.core.model.ModelStoreException;
import io.github.perceptron.core.train.DivergenceException;
import io.github.perceptron.core.tune.TuningFailedException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Turns a failed run into one line on stderr and exit code 1 (2 for a bad option value), with the
 * stack trace only under {@code --debug}. Errors by kind: an {@link OptionException} is the user's
 * option (2, with a pointer to --help); core's {@code IllegalArgumentException}s are about the
 * data, the model or a checkpoint (1, core's own message, never "Try --help").
 */
final class FailureHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        boolean debug = false;
        for (CommandLine.ParseResult result = parseResult; result != null; result = result.subcommand()) {
            debug |= result.hasMatchedOption("--debug");
        }
        if (e instanceof OptionException) {
            err.println("perceptron " + commandLine.getCommandName() + ": " + e.getMessage());
            err.println("Try 'perceptron " + commandLine.getCommandName() + " --help' for the options.");
            printTrace(e, err, debug);
            return CommandLine.ExitCode.USAGE;
        }
        if (e instanceof DatasetException || e instanceof ModelStoreException || e instanceof DivergenceException
                || e instanceof CommandFailure || e instanceof TuningFailedException || e instanceof IllegalArgumentException) {
            err.println("perceptron: " + e.getMessage());
        } else {
            err.println("perceptron: internal error: " + e + " (rerun with --debug for details)");
        }
        printTrace(e, err, debug);
        return CommandLine.ExitCode.SOFTWARE;
    }

    static void printTrace(Throwable e, PrintWriter err, boolean debug) {
        if (debug) {
            e.printStackTrace(err);
        }
    }
}

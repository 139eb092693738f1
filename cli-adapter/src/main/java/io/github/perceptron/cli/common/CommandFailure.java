package io.github.perceptron.cli.common;

/** A run that failed for a reason the message explains fully (exit code 1, no stack trace). */
public final class CommandFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CommandFailure(String message) {
        super(message);
    }
}

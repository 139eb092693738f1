package io.github.perceptron.cli;

/** A run that failed for a reason the message explains fully (exit code 1, no stack trace). */
final class CommandFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    CommandFailure(String message) {
        super(message);
    }
}

package io.github.perceptron.core.tune;

/** No trial of a search could be scored: each one's training diverged. */
public final class TuningFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TuningFailedException(String message) {
        super(message);
    }
}

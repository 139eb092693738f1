package io.github.perceptron.core.data;

/** Data that cannot be used, with a message naming the file or source and what is wrong with it. */
public class DatasetException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * A fault in the data.
     *
     * @param message one line naming the file or source and what is wrong
     */
    public DatasetException(String message) {
        super(message);
    }

    /**
     * A fault in the data, found through {@code cause} (an {@code IOException}, say).
     *
     * @param message one line naming the file or source and what is wrong
     * @param cause   the underlying failure
     */
    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}

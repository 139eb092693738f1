package io.github.perceptron.core.data;

/** Data that cannot be used, with a message naming the file or source and what is wrong with it. */
public class DatasetException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DatasetException(String message) {
        super(message);
    }

    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}

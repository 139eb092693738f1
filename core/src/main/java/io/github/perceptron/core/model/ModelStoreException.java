package io.github.perceptron.core.model;

/** A model that cannot be saved or loaded, with a message naming the file and what is wrong. */
public class ModelStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ModelStoreException(String message) {
        super(message);
    }

    public ModelStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}

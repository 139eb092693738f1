package io.github.perceptron.core.model;

/** A model that cannot be saved or loaded, with a message naming the file and what is wrong. */
public class ModelStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * A model that cannot be used.
     *
     * @param message one line naming the file and what is wrong
     */
    public ModelStoreException(String message) {
        super(message);
    }

    /**
     * A model that cannot be used, found through {@code cause}.
     *
     * @param message one line naming the file and what is wrong
     * @param cause   the underlying failure
     */
    public ModelStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}

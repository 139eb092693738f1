package io.github.perceptron.core.kernel;

/**
 * The kernel asked for with {@code -Dperceptron.kernel=vector} cannot run in this JVM; the message
 * says why in one line (the incubator module missing, or the Vector API failing to load).
 */
public final class KernelUnavailableException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    KernelUnavailableException(String message) {
        super(message);
    }

    KernelUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

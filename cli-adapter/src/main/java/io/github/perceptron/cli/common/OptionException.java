package io.github.perceptron.cli.common;

/**
 * An option the user gave that cannot be used: its message names the option and what it takes.
 * The command line answers it as a usage error (exit 2, "Try --help"); an
 * {@link IllegalArgumentException} from core, by contrast, is a problem with the data, the model or
 * a checkpoint, and exits 1 with core's own message.
 */
public final class OptionException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public OptionException(String message) {
        super(message);
    }

    public OptionException(String message, Throwable cause) {
        super(message, cause);
    }
}

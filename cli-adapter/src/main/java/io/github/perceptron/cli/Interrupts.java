package io.github.perceptron.cli;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;

/**
 * Ctrl-C during training: the first asks training to stop after the current epoch (so a
 * checkpoint can be saved), the second quits at once.
 */
final class Interrupts {

    private Interrupts() {
    }

    /** Installs the handler and returns the flag it raises; without signal support, a flag never raised. */
    static AtomicBoolean onFirstInterrupt(PrintWriter err) {
        AtomicBoolean interrupted = new AtomicBoolean();
        try {
            Signal.handle(new Signal("INT"), signal -> {
                if (interrupted.getAndSet(true)) {
                    err.println("\nperceptron: interrupted again; quitting without saving");
                    err.flush();
                    Runtime.getRuntime().halt(130);
                }
                err.println("\nperceptron: stopping after this epoch to save a checkpoint (Ctrl-C again to quit now)");
                err.flush();
            });
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            // No SIGINT on this platform or it is reserved: Ctrl-C keeps its default meaning.
        }
        return interrupted;
    }
}

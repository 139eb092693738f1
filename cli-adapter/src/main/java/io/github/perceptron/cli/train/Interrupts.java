package io.github.perceptron.cli.train;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicReference;
import sun.misc.Signal;

/**
 * Stop requests during training: Ctrl-C (SIGINT), {@code kill} or {@code timeout} (SIGTERM) and a
 * closed terminal (SIGHUP). The first asks training to stop after the current epoch, so that a
 * checkpoint can be saved and the resume command printed; a second quits at once.
 */
public final class Interrupts {

    /** The signals that stop training, each with the exit code the shell gives a process it kills (128 + number). */
    public enum StopSignal {
        INT(130), TERM(143), HUP(129);

        private final int exitCode;

        StopSignal(int exitCode) {
            this.exitCode = exitCode;
        }

        int exitCode() {
            return exitCode;
        }
    }

    /** Where a training run gets its stop requests from. */
    public interface Source {
        Interrupts open(PrintWriter err);
    }

    private final AtomicReference<StopSignal> received = new AtomicReference<>();
    private final PrintWriter err;

    private Interrupts(PrintWriter err) {
        this.err = err;
    }

    /** Stop requests that only {@link #receive} raises: no signal handler is installed. */
    public static Interrupts unhandled(PrintWriter err) {
        return new Interrupts(err);
    }

    /** Installs the handlers; on a platform without one of the signals, that signal keeps its default meaning. */
    public static Interrupts install(PrintWriter err) {
        Interrupts interrupts = new Interrupts(err);
        for (StopSignal signal : StopSignal.values()) {
            try {
                Signal.handle(new Signal(signal.name()), ignored -> interrupts.receive(signal));
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // No such signal here, or it is reserved or was ignored when the JVM started.
            }
        }
        return interrupts;
    }

    public void receive(StopSignal signal) {
        StopSignal first = received.compareAndExchange(null, signal);
        if (first != null) {
            err.println("\nperceptron: " + describe(signal) + " again; quitting without saving");
            err.flush();
            Runtime.getRuntime().halt(first.exitCode());
        }
        err.println("\nperceptron: " + describe(signal) + ": stopping after this epoch to save a checkpoint"
                + " (" + (signal == StopSignal.INT ? "Ctrl-C" : "signal") + " again to quit now)");
        err.flush();
    }

    /** Whether a stop was asked for. */
    boolean requested() {
        return received.get() != null;
    }

    /** The exit code for the stop asked for: 130 for Ctrl-C, 143 for SIGTERM, 129 for SIGHUP. */
    int exitCode() {
        StopSignal signal = received.get();
        return signal == null ? 0 : signal.exitCode();
    }

    private static String describe(StopSignal signal) {
        return signal == StopSignal.INT ? "interrupted" : "SIG" + signal.name() + " received";
    }
}

package io.github.perceptron.cli.train;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import sun.misc.Signal;

/**
 * Stop requests during training: Ctrl-C (SIGINT), {@code kill} or {@code timeout} (SIGTERM) and a
 * closed terminal (SIGHUP). The first asks training to stop after the current epoch, and says what
 * that stop keeps (a checkpoint and the resume command, the model so far, the finished members, or
 * nothing); a second quits at once.
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

    /** What a plain training run's stop keeps. */
    public static final String SAVES_A_CHECKPOINT = "stopping after this epoch to save a checkpoint";

    /** Where a training run gets its stop requests from. */
    public interface Source {
        /**
         * @param stopping what a stop requested now does, as the notice says it: asked when the
         *                 signal comes, so that it can depend on how far the run is
         */
        Interrupts open(PrintWriter err, Supplier<String> stopping);
    }

    private final AtomicReference<StopSignal> received = new AtomicReference<>();
    private final PrintWriter err;
    private final Supplier<String> stopping;

    private Interrupts(PrintWriter err, Supplier<String> stopping) {
        this.err = err;
        this.stopping = stopping;
    }

    /** Stop requests that only {@link #receive} raises: no signal handler is installed. */
    public static Interrupts unhandled(PrintWriter err, Supplier<String> stopping) {
        return new Interrupts(err, stopping);
    }

    /** Installs the handlers; on a platform without one of the signals, that signal keeps its default meaning. */
    public static Interrupts install(PrintWriter err, Supplier<String> stopping) {
        Interrupts interrupts = new Interrupts(err, stopping);
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
        err.println("\nperceptron: " + describe(signal) + ": " + stopping.get()
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

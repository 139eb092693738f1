package io.github.perceptron.cli.serve;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;

/**
 * Ctrl-C (SIGINT), SIGTERM and SIGHUP ask the service to stop gracefully; a second one quits at
 * once with the shell's code for that signal (128 + its number).
 */
final class StopSignals {

    private final CountDownLatch requested = new CountDownLatch(1);
    private final AtomicBoolean received = new AtomicBoolean();
    private final PrintWriter err;

    private StopSignals(PrintWriter err) {
        this.err = err;
    }

    static StopSignals install(PrintWriter err) {
        StopSignals signals = new StopSignals(err);
        for (String name : new String[] {"INT", "TERM", "HUP"}) {
            try {
                Signal.handle(new Signal(name), signal -> signals.receive(signal.getName(), 128 + signal.getNumber()));
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // No such signal on this platform, or it was ignored when the JVM started: it keeps its meaning.
            }
        }
        return signals;
    }

    void receive(String name, int exitCode) {
        if (received.getAndSet(true)) {
            err.println("perceptron serve: SIG" + name + " again; quitting now");
            err.flush();
            Runtime.getRuntime().halt(exitCode);
        }
        requested.countDown();
    }

    /** Blocks until a stop is asked for. */
    void await() throws InterruptedException {
        requested.await();
    }
}

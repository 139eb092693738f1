package io.github.perceptron.cli.console;

import io.github.perceptron.dataset.FetchProgress;
import java.io.PrintWriter;
import java.util.Locale;

/** Fetch progress on stderr: a percentage redrawn in place on a terminal, a line per event otherwise. */
public final class ConsoleFetchProgress implements FetchProgress {

    private static final long REDRAW_BYTES = 1 << 20;

    private final PrintWriter err;
    private final boolean terminal;
    private String file = "";
    private long total = -1;
    private long lastDrawn;

    public ConsoleFetchProgress(Console console) {
        this.err = console.err();
        this.terminal = console.terminal();
    }

    @Override
    public void started(String file, String source, long bytes) {
        this.file = file;
        this.total = bytes;
        this.lastDrawn = 0;
        err.println("  " + file + " from " + source + (bytes > 0 ? " (" + (bytes >> 10) + " KiB)" : ""));
    }

    @Override
    public void advanced(long bytes) {
        if (terminal && total > 0 && bytes - lastDrawn >= REDRAW_BYTES) {
            lastDrawn = bytes;
            err.print(String.format(Locale.ROOT, "\r  %s %3d%%", file, 100 * bytes / total));
            err.flush();
        }
    }

    @Override
    public void failed(String file, String source, String reason) {
        clearLine();
        err.println("  " + file + ": " + source + " failed: " + reason);
    }

    @Override
    public void verified(String file) {
        clearLine();
        err.println("  " + file + ": SHA-256 verified");
    }

    private void clearLine() {
        if (terminal && lastDrawn > 0) {
            err.print("\r\033[K");
            lastDrawn = 0;
        }
    }
}

package io.github.perceptron.dataset;

/** Hears how a fetch goes, so that a command line can draw progress. Methods may be called often. */
public interface FetchProgress {

    FetchProgress NONE = new FetchProgress() {
    };

    /** {@code file} is being fetched from {@code source}; {@code bytes} is its transfer size, or -1 if unknown. */
    default void started(String file, String source, long bytes) {
    }

    /** {@code bytes} of the transfer have arrived so far. */
    default void advanced(long bytes) {
    }

    /** {@code source} could not supply {@code file}, for {@code reason}; the next source is tried. */
    default void failed(String file, String source, String reason) {
    }

    /** {@code file} arrived and its checksum matched. */
    default void verified(String file) {
    }
}

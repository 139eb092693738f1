package io.github.perceptron.dataset;

/** Hears how a fetch goes, so that a command line can draw progress. Methods may be called often. */
public interface FetchProgress {

    /** Hears nothing. */
    FetchProgress NONE = new FetchProgress() {
    };

    /**
     * {@code file} is being fetched from {@code source}; {@code bytes} is its transfer size, or -1 if unknown.
     *
     * @param file   the dataset file, such as {@code train-images-idx3-ubyte}
     * @param source the mirror or package
     * @param bytes  the transfer's size, or -1
     */
    default void started(String file, String source, long bytes) {
    }

    /**
     * {@code bytes} of the transfer have arrived so far.
     *
     * @param bytes the bytes so far
     */
    default void advanced(long bytes) {
    }

    /**
     * {@code source} could not supply {@code file}, for {@code reason}; the next source is tried.
     *
     * @param file   the dataset file
     * @param source the mirror or package that failed
     * @param reason why, in one line
     */
    default void failed(String file, String source, String reason) {
    }

    /**
     * {@code file} arrived and its checksum matched.
     *
     * @param file the dataset file
     */
    default void verified(String file) {
    }
}

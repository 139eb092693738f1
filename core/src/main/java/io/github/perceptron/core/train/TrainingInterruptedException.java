package io.github.perceptron.core.train;

/**
 * The training thread was interrupted (an embedder's {@code Future.cancel(true)} or
 * {@code Thread.interrupt()}): training stopped before the next step. The thread's interrupt
 * flag stays set, so the code that interrupted it sees it too.
 */
public final class TrainingInterruptedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The epoch it stopped in, from 1. */
    private final int epoch;
    /** The batch within that epoch, from 1. */
    private final int batch;

    /**
     * An interrupt seen before a step.
     *
     * @param epoch the epoch, from 1
     * @param batch the batch that did not run, from 1
     */
    public TrainingInterruptedException(int epoch, int batch) {
        super("training interrupted before epoch " + epoch + ", batch " + batch);
        this.epoch = epoch;
        this.batch = batch;
    }

    /**
     * The epoch it stopped in, from 1.
     *
     * @return at least 1
     */
    public int epoch() {
        return epoch;
    }

    /**
     * The batch within that epoch, from 1.
     *
     * @return at least 1
     */
    public int batch() {
        return batch;
    }
}

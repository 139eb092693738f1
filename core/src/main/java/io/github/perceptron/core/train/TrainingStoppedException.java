package io.github.perceptron.core.train;

/** Training stopped before it finished, at a step it names: the epoch and the batch within it, from 1. */
public abstract class TrainingStoppedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int epoch;
    private final int batch;

    protected TrainingStoppedException(String message, int epoch, int batch) {
        super(message);
        this.epoch = epoch;
        this.batch = batch;
    }

    public int epoch() {
        return epoch;
    }

    public int batch() {
        return batch;
    }
}

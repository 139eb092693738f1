package io.github.perceptron.core.train;

import io.github.perceptron.core.data.ValidationSplit;

/** Receives training progress; core prints nothing itself. Methods run on the training thread. */
public interface TrainingListener {

    /** Ignores every event. */
    TrainingListener NONE = new TrainingListener() {
    };

    /**
     * Before the first epoch, when the training images are split: those held out for validation
     * (none when its validation set is empty) and the split that chose them.
     */
    default void validationHeldOut(ValidationSplit.Holdout holdout) {
    }

    /** After each mini-batch: {@code batch} counts from 1 to {@code batches}; {@code meanLoss} is the epoch's running mean. */
    default void batchCompleted(int epoch, int batch, int batches, double meanLoss) {
    }

    /** After each epoch, with its training figures and, when there is evaluation data, the evaluation. */
    default void epochCompleted(EpochReport report) {
    }

    /**
     * A regular checkpoint after {@code epoch} could not be saved (a full disk, a lost directory);
     * training goes on, and the final model is saved as usual. A checkpoint asked for by a stop is
     * not reported here: its failure ends the run.
     */
    default void checkpointFailed(int epoch, RuntimeException failure) {
    }

    /**
     * Asked after every epoch but the last: true ends training there (early stopping, a user's
     * interrupt), after saving a checkpoint when checkpoints are on.
     */
    default boolean stopRequested() {
        return false;
    }
}

package io.github.perceptron.core.train;

import io.github.perceptron.core.data.ValidationSplit;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Receives training progress; core prints nothing itself. Every method has a default that does
 * nothing, so a listener overrides only what it needs. Methods run on the training thread, one at a
 * time: a listener used by one training at a time needs no synchronisation.
 */
public interface TrainingListener {

    /** Ignores every event. */
    TrainingListener NONE = new TrainingListener() {
    };

    /**
     * A listener that hands each epoch's report to {@code action} and ignores everything else:
     * {@code TrainingListener.onEpoch(report -> log.info(report.toString()))}.
     *
     * @param action called after every epoch, on the training thread
     * @return the listener
     */
    static TrainingListener onEpoch(Consumer<EpochReport> action) {
        Objects.requireNonNull(action, "action");
        return new TrainingListener() {
            @Override
            public void epochCompleted(EpochReport report) {
                action.accept(report);
            }
        };
    }

    /**
     * Before the first epoch, when the training images are split: those held out for validation
     * (none when its validation set is empty) and the split that chose them.
     *
     * @param holdout both parts of the training images, and the split
     */
    default void validationHeldOut(ValidationSplit.Holdout holdout) {
    }

    /**
     * After each mini-batch: {@code batch} counts from 1 to {@code batches}; {@code meanLoss} is the epoch's running mean.
     *
     * @param epoch    the epoch, from 1
     * @param batch    the batch, from 1
     * @param batches  the epoch's batches
     * @param meanLoss the epoch's mean training loss so far
     */
    default void batchCompleted(int epoch, int batch, int batches, double meanLoss) {
    }

    /**
     * After each epoch, with its training figures and, when there is evaluation data, the evaluation.
     *
     * @param report the epoch's figures
     */
    default void epochCompleted(EpochReport report) {
    }

    /**
     * A regular checkpoint after {@code epoch} could not be saved (a full disk, a lost directory);
     * training goes on, and the final model is saved as usual. A checkpoint asked for by a stop is
     * not reported here: its failure ends the run.
     *
     * @param epoch   the epoch whose checkpoint failed
     * @param failure why, naming the file
     */
    default void checkpointFailed(int epoch, RuntimeException failure) {
    }

    /**
     * Asked after every epoch but the last: true ends training there (early stopping, a user's
     * interrupt), after saving a checkpoint when checkpoints are on.
     *
     * @return whether to stop now
     */
    default boolean stopRequested() {
        return false;
    }
}

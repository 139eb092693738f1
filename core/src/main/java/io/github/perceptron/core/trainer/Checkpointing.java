package io.github.perceptron.core.trainer;

import io.github.perceptron.core.checkpoint.BestEpoch;
import io.github.perceptron.core.checkpoint.CheckpointPolicy;
import io.github.perceptron.core.model.ModelStoreException;
import io.github.perceptron.core.train.TrainingListener;

/**
 * When a run saves a checkpoint, and what a failed save does: a regular save that fails is
 * reported and training goes on; the save a stop asked for is the run's only copy, so its failure
 * ends the run.
 */
final class Checkpointing {

    private final CheckpointPolicy policy;
    private final CheckpointMaker maker;
    private final TrainingListener listener;
    private final int lastEpoch;

    Checkpointing(CheckpointPolicy policy, CheckpointMaker maker, TrainingListener listener, int lastEpoch) {
        this.policy = policy;
        this.maker = maker;
        this.listener = listener;
        this.lastEpoch = lastEpoch;
    }

    /** Saves after {@code epoch} when one is due or the run is {@code stopping}. */
    void afterEpoch(TrainingSteps steps, int epoch, boolean stopping, BestEpoch best) {
        if (policy.store() == null) {
            return;
        }
        boolean periodic = policy.everyEpochs() > 0 && (epoch % policy.everyEpochs() == 0 || epoch == lastEpoch);
        if (!periodic && !stopping) {
            return;
        }
        try {
            policy.store().save(maker.make(steps.network(), epoch, steps.state(), best), policy.location());
        } catch (ModelStoreException e) {
            // Hours of training are worth more than one lost checkpoint.
            if (stopping) {
                throw e;
            }
            listener.checkpointFailed(epoch, e);
        }
    }
}

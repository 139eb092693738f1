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
    private final int lastResumable;

    /**
     * @param lastResumable the last epoch after which a checkpoint can resume the run bit for bit
     *                      (the epoch before a weight average starts); none is saved after it
     */
    Checkpointing(CheckpointPolicy policy, CheckpointMaker maker, TrainingListener listener, int lastEpoch,
                  int lastResumable) {
        this.policy = policy;
        this.maker = maker;
        this.listener = listener;
        this.lastEpoch = lastEpoch;
        this.lastResumable = lastResumable;
    }

    /** Saves after {@code epoch} when one is due or the run is {@code stopping}. */
    void afterEpoch(TrainingSteps steps, int epoch, boolean stopping, BestEpoch best) {
        if (policy.store() == null || epoch > lastResumable) {
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

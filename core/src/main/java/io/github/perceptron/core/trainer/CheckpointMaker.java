package io.github.perceptron.core.trainer;

import io.github.perceptron.core.checkpoint.BestEpoch;
import io.github.perceptron.core.checkpoint.TrainerState;
import io.github.perceptron.core.checkpoint.TrainingCheckpoint;
import io.github.perceptron.core.engine.Network;

/** What a checkpoint holds of a run at the end of an epoch: the use case that runs it knows the model around the network. */
@FunctionalInterface
public interface CheckpointMaker {

    /** Makes none: for a trainer whose policy saves no checkpoints. */
    CheckpointMaker NONE = (network, epoch, state, best) -> {
        throw new IllegalStateException("no checkpoints were asked for");
    };

    TrainingCheckpoint make(Network network, int epoch, TrainerState state, BestEpoch best);
}

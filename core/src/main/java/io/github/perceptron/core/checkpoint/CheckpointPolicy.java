package io.github.perceptron.core.checkpoint;

import java.nio.file.Path;

/**
 * When and where a run saves its checkpoints: to {@code location} in {@code store} every
 * {@code everyEpochs} epochs and after the last, and whenever training is asked to stop;
 * {@code everyEpochs = 0} saves only on such a stop. The one checkpoint setting: the
 * trainer follows it, and {@code TrainingRuns} says what a checkpoint holds.
 */
public record CheckpointPolicy(CheckpointStore store, Path location, int everyEpochs) {

    /** No checkpoints. */
    public static final CheckpointPolicy NONE = new CheckpointPolicy(null, null, 0);

    public CheckpointPolicy {
        if (everyEpochs < 0) {
            throw new IllegalArgumentException("checkpoint interval must be >= 0 epochs, was " + everyEpochs);
        }
        if ((store == null) != (location == null) || (everyEpochs > 0 && store == null)) {
            throw new IllegalArgumentException("checkpoints need a store and a location");
        }
    }
}

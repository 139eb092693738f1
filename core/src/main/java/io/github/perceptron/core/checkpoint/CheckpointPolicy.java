package io.github.perceptron.core.checkpoint;

import java.nio.file.Path;

/**
 * Save a checkpoint to {@code location} every {@code everyEpochs} epochs and after the last, and
 * whenever training stops early; {@code everyEpochs = 0} saves only when training stops early.
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

package io.github.perceptron.core.checkpoint;

import java.nio.file.Path;

/**
 * Keeps training checkpoints. Like a {@link io.github.perceptron.core.model.ModelStore}, it writes
 * atomically and reports unreadable checkpoints with a
 * {@link io.github.perceptron.core.model.ModelStoreException} naming the file and the field.
 */
public interface CheckpointStore {

    void save(TrainingCheckpoint checkpoint, Path location);

    TrainingCheckpoint load(Path location);
}

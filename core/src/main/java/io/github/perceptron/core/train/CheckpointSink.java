package io.github.perceptron.core.train;

import io.github.perceptron.core.network.Network;

/** Receives the run's state every {@link #everyEpochs()} epochs and at the end, to save it. */
public interface CheckpointSink {

    /** Never asked for anything. */
    CheckpointSink NONE = new CheckpointSink() {
        @Override
        public int everyEpochs() {
            return 0;
        }

        @Override
        public void save(Network network, TrainingProgress progress) {
        }

        @Override
        public boolean saveWhenStopped() {
            return false;
        }
    };

    /** How often to save, in epochs; 0 for only when training stops early. */
    int everyEpochs();

    /** Whether to save when training stops before its last epoch. */
    default boolean saveWhenStopped() {
        return true;
    }

    /**
     * Saves {@code network}'s weights with {@code progress}; called on the training thread between
     * epochs. A {@link io.github.perceptron.core.model.ModelStoreException} from a regular save is
     * passed to {@link TrainingListener#checkpointFailed} and training goes on; from the save a
     * stop asked for, it ends the run.
     */
    void save(Network network, TrainingProgress progress);
}

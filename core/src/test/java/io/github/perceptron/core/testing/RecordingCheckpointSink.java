package io.github.perceptron.core.testing;

import io.github.perceptron.core.layer.Parameter;
import io.github.perceptron.core.model.ModelStoreException;
import io.github.perceptron.core.network.Network;
import io.github.perceptron.core.train.CheckpointSink;
import io.github.perceptron.core.train.TrainingProgress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * The one test fake for {@link CheckpointSink}: saves every {@code everyEpochs} epochs (0: only on a
 * stop), records what it was given (a copy of the weights and the progress), and fails with a
 * {@link ModelStoreException} at the epochs {@code failsAt} picks.
 */
public final class RecordingCheckpointSink implements CheckpointSink {

    /** One save: the weights as they were, in {@link Network#parameters()} order, and the progress. */
    public record Saved(List<float[]> weights, TrainingProgress progress) {
    }

    private final int everyEpochs;
    private final IntPredicate failsAt;
    private final String failure;
    private final List<Integer> attempted = new ArrayList<>();
    private final List<Saved> saved = new ArrayList<>();

    private RecordingCheckpointSink(int everyEpochs, IntPredicate failsAt, String failure) {
        this.everyEpochs = everyEpochs;
        this.failsAt = failsAt;
        this.failure = failure;
    }

    /** Saves every {@code everyEpochs} epochs, and on a stop; never fails. */
    public static RecordingCheckpointSink every(int everyEpochs) {
        return new RecordingCheckpointSink(everyEpochs, epoch -> false, null);
    }

    /** As {@link #every}, failing with {@code message} at the epochs {@code failsAt} accepts. */
    public static RecordingCheckpointSink failing(int everyEpochs, IntPredicate failsAt, String message) {
        return new RecordingCheckpointSink(everyEpochs, failsAt, message);
    }

    @Override
    public int everyEpochs() {
        return everyEpochs;
    }

    @Override
    public void save(Network network, TrainingProgress progress) {
        attempted.add(progress.epoch());
        if (failsAt.test(progress.epoch())) {
            throw new ModelStoreException(failure);
        }
        saved.add(new Saved(network.parameters().stream().map(Parameter::values).map(float[]::clone).toList(), progress));
    }

    /** The epochs a save was asked for, failed ones included. */
    public List<Integer> attemptedEpochs() {
        return attempted;
    }

    /** The saves that succeeded, in order. */
    public List<Saved> saved() {
        return saved;
    }
}

package io.github.perceptron.core.testing;

import io.github.perceptron.core.checkpoint.BestEpoch;
import io.github.perceptron.core.checkpoint.CheckpointPolicy;
import io.github.perceptron.core.checkpoint.CheckpointStore;
import io.github.perceptron.core.checkpoint.TrainerState;
import io.github.perceptron.core.checkpoint.TrainingCheckpoint;
import io.github.perceptron.core.data.LabelledImages;
import io.github.perceptron.core.data.ValidationSplit;
import io.github.perceptron.core.engine.Network;
import io.github.perceptron.core.model.Model;
import io.github.perceptron.core.model.ModelMetadata;
import io.github.perceptron.core.model.ModelStoreException;
import io.github.perceptron.core.train.KernelInfo;
import io.github.perceptron.core.train.Threads;
import io.github.perceptron.core.train.TrainingListener;
import io.github.perceptron.core.train.TrainingPlan;
import io.github.perceptron.core.trainer.Trainer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.IntPredicate;

/**
 * The one test fake for checkpoints: a {@link CheckpointStore} with the {@link CheckpointPolicy}
 * that uses it, saving every {@code everyEpochs} epochs (0: only on a stop). It records what it was
 * given (a copy of the weights, and the state) and fails with a {@link ModelStoreException} at the
 * epochs {@code failsAt} picks.
 */
public final class RecordingCheckpoints implements CheckpointStore {

    /**
     * One save: the weights as they were when saved (a copy made here), in {@link Network#parameters()}
     * order, the epoch, the state and early stopping's memory, as the checkpoint held them.
     */
    public record Saved(List<float[]> weights, int epoch, TrainerState state, BestEpoch best) {
    }

    private final int everyEpochs;
    private final IntPredicate failsAt;
    private final String failure;
    private final List<Integer> attempted = new ArrayList<>();
    private final List<Saved> saved = new ArrayList<>();

    private RecordingCheckpoints(int everyEpochs, IntPredicate failsAt, String failure) {
        this.everyEpochs = everyEpochs;
        this.failsAt = failsAt;
        this.failure = failure;
    }

    /** Saves every {@code everyEpochs} epochs, and on a stop; never fails. */
    public static RecordingCheckpoints every(int everyEpochs) {
        return new RecordingCheckpoints(everyEpochs, epoch -> false, null);
    }

    /** As {@link #every}, failing with {@code message} at the epochs {@code failsAt} accepts. */
    public static RecordingCheckpoints failing(int everyEpochs, IntPredicate failsAt, String message) {
        return new RecordingCheckpoints(everyEpochs, failsAt, message);
    }

    /** A trainer on every processor that checkpoints {@code plan}'s run on {@code images} here. */
    public Trainer trainer(TrainingPlan plan, TrainingListener listener, LabelledImages images) {
        return new Trainer(plan, Threads.allProcessors(), listener,
                new CheckpointPolicy(this, Path.of("recorded.checkpoint.json"), everyEpochs),
                (network, epoch, state, best) -> new TrainingCheckpoint(Model.restore(network.spec(),
                        network.parameters().stream().map(p -> p.values()).toList(), images.width(),
                        images.height(), images.classNames(), new ModelMetadata("recorded", plan.seed(), epoch,
                        OptionalDouble.empty(), "test", Instant.EPOCH)), plan, epoch, state, best, ValidationSplit.NONE,
                        KernelInfo.name()));
    }

    @Override
    public void save(TrainingCheckpoint checkpoint, Path location) {
        attempted.add(checkpoint.epoch());
        if (failsAt.test(checkpoint.epoch())) {
            throw new ModelStoreException(failure);
        }
        saved.add(new Saved(checkpoint.model().weights(),
                checkpoint.epoch(), checkpoint.state(), checkpoint.best()));
    }

    @Override
    public TrainingCheckpoint load(Path location) {
        throw new UnsupportedOperationException("a recording keeps what it was given; read saved()");
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

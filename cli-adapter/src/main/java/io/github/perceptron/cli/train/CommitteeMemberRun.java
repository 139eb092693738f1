package io.github.perceptron.cli.train;

import io.github.perceptron.cli.common.CompareRunners;
import io.github.perceptron.cli.common.ModelCodec;
import io.github.perceptron.cli.common.PlanCodec;
import io.github.perceptron.cli.common.UseCases;
import io.github.perceptron.core.checkpoint.CheckpointPolicy;
import io.github.perceptron.core.data.DatasetSource;
import io.github.perceptron.core.data.ValidationSplit;
import io.github.perceptron.core.eval.Evaluation;
import io.github.perceptron.core.run.TrainingRuns;
import io.github.perceptron.core.train.EpochReport;
import io.github.perceptron.core.train.StopReason;
import io.github.perceptron.core.train.Threads;
import io.github.perceptron.core.train.TrainedModel;
import io.github.perceptron.core.train.TrainingListener;
import io.github.perceptron.dataset.DataLocation;
import java.io.Serializable;
import java.time.Clock;
import java.util.function.BooleanSupplier;

/**
 * One member of a committee: its plan, its validation split and the data's place and digests, so
 * that it trains the same here, side by side with the others, or as a Spark task. Its model comes
 * back as the bytes of its model file.
 */
final class CommitteeMemberRun implements CompareRunners.Run<CommitteeMemberRun.Trained> {

    private static final long serialVersionUID = 1L;

    /**
     * A member trained: its model file's bytes (null when a stop ended it early: it is not kept),
     * the epoch it kept and its accuracy on the held-out images there (null without any).
     */
    record Trained(int index, byte[] document, int keptEpoch, Double heldOutAccuracy) implements Serializable {
        private static final long serialVersionUID = 1L;

        boolean stopped() {
            return document == null;
        }
    }

    private final int index;
    private final String plan;
    private final PlanCodec codec;
    private final ModelCodec models;
    private final ValidationSplit.Kind splitKind;
    private final int splitCount;
    private final double splitFraction;
    private final long splitSeed;
    private final DataLocation data;
    private final String digest;
    private final String testDigest;
    /** Where the command runs: the open data, the use cases and the user's stop; null where the run was shipped to. */
    private final transient DatasetSource here;
    private final transient UseCases useCases;
    private final transient BooleanSupplier stop;
    private final transient Runnable epochDone;

    CommitteeMemberRun(int index, String plan, PlanCodec codec, ModelCodec models, ValidationSplit split, DataLocation data, String digest,
                       String testDigest, DatasetSource here, UseCases useCases, BooleanSupplier stop, Runnable epochDone) {
        this.index = index;
        this.plan = plan;
        this.codec = codec;
        this.models = models;
        this.splitKind = split.kind();
        this.splitCount = split.count();
        this.splitFraction = split.fraction();
        this.splitSeed = split.seed();
        this.data = data;
        this.digest = digest;
        this.testDigest = testDigest;
        this.here = here;
        this.useCases = useCases;
        this.stop = stop;
        this.epochDone = epochDone;
    }

    int index() {
        return index;
    }

    @Override
    public Trained run(int threads) {
        DatasetSource source = here != null ? here : data.openVerified(digest, testDigest);
        Threads execution = threads > 0 ? new Threads(threads) : Threads.allProcessors();
        TrainingListener listener = new TrainingListener() {
            @Override
            public boolean stopRequested() {
                return stop != null && stop.getAsBoolean();
            }

            @Override
            public void epochCompleted(EpochReport report) {
                if (epochDone != null) {
                    epochDone.run();
                }
            }
        };
        TrainingRuns runs = useCases != null ? useCases.training(source, listener, execution)
                : new TrainingRuns(source, listener, Clock.systemUTC(), execution);
        TrainedModel trained = runs.train(codec.read(plan), new ValidationSplit(splitKind, splitCount, splitFraction,
                splitSeed), CheckpointPolicy.NONE);
        if (trained.stopReason() == StopReason.REQUESTED) {
            return new Trained(index, null, trained.keptEpoch(), null);
        }
        Double heldOut = trained.history().stream().filter(report -> report.epoch() == trained.keptEpoch()).findFirst()
                .flatMap(EpochReport::evaluation).map(Evaluation::accuracy).orElse(null);
        return new Trained(index, models.write(trained.model()), trained.keptEpoch(), heldOut);
    }
}

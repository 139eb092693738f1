package io.github.perceptron.core.run;

import io.github.perceptron.core.checkpoint.CheckpointPolicy;
import io.github.perceptron.core.checkpoint.TrainingCheckpoint;
import io.github.perceptron.core.data.DatasetException;
import io.github.perceptron.core.data.DatasetSource;
import io.github.perceptron.core.data.InputNormalisation;
import io.github.perceptron.core.data.LabelledImages;
import io.github.perceptron.core.data.Split;
import io.github.perceptron.core.data.ValidationSplit;
import io.github.perceptron.core.engine.Evaluator;
import io.github.perceptron.core.engine.Network;
import io.github.perceptron.core.engine.Parameter;
import io.github.perceptron.core.eval.Evaluation;
import io.github.perceptron.core.model.Host;
import io.github.perceptron.core.model.Model;
import io.github.perceptron.core.model.ModelMetadata;
import io.github.perceptron.core.model.Provenance;
import io.github.perceptron.core.network.NetworkSpec;
import io.github.perceptron.core.parallel.DataParallelTrainer;
import io.github.perceptron.core.parallel.ShardLayout;
import io.github.perceptron.core.parallel.ShardRunner;
import io.github.perceptron.core.train.KernelInfo;
import io.github.perceptron.core.train.Threads;
import io.github.perceptron.core.train.TrainedModel;
import io.github.perceptron.core.train.TrainingListener;
import io.github.perceptron.core.train.TrainingPlan;
import io.github.perceptron.core.trainer.CheckpointMaker;
import io.github.perceptron.core.trainer.TrainedNetwork;
import io.github.perceptron.core.trainer.Trainer;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Every way the command line trains a model on a dataset's training split and measures it on the
 * test split: fresh, with checkpoints, resumed from one, or data-parallel. Embedders use
 * {@code TrainModel} (in {@code usecase}), which runs its fresh runs here.
 *
 * <p>With a {@link ValidationSplit}, its images are held out of training and reported after every
 * epoch instead of the test set, which is then touched only once, at the end. Early stopping
 * watches the validation images only: a plan that stops early needs a split, so that nothing is
 * ever chosen on the test set.
 */
public final class TrainingRuns {

    private final DatasetSource source;
    private final TrainingListener listener;
    private final Clock clock;
    private final Threads execution;
    private final Host host;

    /** Training on {@code execution}'s threads, reporting to {@code listener}, dating models by {@code clock}. */
    public TrainingRuns(DatasetSource source, TrainingListener listener, Clock clock, Threads execution) {
        this(source, listener, clock, execution, Host.UNRECORDED);
    }

    /** Training on every processor, silently. */
    public TrainingRuns(DatasetSource source) {
        this(source, TrainingListener.NONE, Clock.systemUTC(), Threads.allProcessors());
    }

    private TrainingRuns(DatasetSource source, TrainingListener listener, Clock clock, Threads execution, Host host) {
        this.source = source;
        this.listener = listener;
        this.clock = clock;
        this.execution = execution;
        this.host = host;
    }

    /** This use case, recording {@code host} (the runtime, processor and commit) in the models' provenance. */
    public TrainingRuns on(Host host) {
        return new TrainingRuns(source, listener, clock, execution, host);
    }

    /** This use case, reporting to {@code newListener} instead. */
    public TrainingRuns reportingTo(TrainingListener newListener) {
        return new TrainingRuns(source, newListener, clock, execution, host);
    }

    /** This use case, computing on {@code threads} instead. */
    public TrainingRuns on(Threads threads) {
        return new TrainingRuns(source, listener, clock, threads, host);
    }

    /** This use case, dating models by {@code newClock} instead. */
    public TrainingRuns datedBy(Clock newClock) {
        return new TrainingRuns(source, listener, newClock, execution, host);
    }

    /** Trains, holding out {@code validation}'s images, saving checkpoints as {@code policy} says. */
    public TrainedModel train(TrainingPlan plan, ValidationSplit validation, CheckpointPolicy policy) {
        Data data = load(plan, validation);
        TrainedNetwork result = new Trainer(plan, execution, listener, policy, checkpoints(plan, data))
                .train(data.train, data.perEpoch);
        return finish(plan, data, result);
    }

    /**
     * Data-parallel training by parameter averaging ({@link DataParallelTrainer}): the shards hold
     * the training images, wherever they are, and this reads only the test split, to evaluate the
     * averaged network after each epoch and test it at the end. No validation split, no checkpoints.
     */
    public TrainedModel trainSharded(TrainingPlan plan, ShardRunner shards, int localSteps) {
        if (!plan.inputNormalisation().isNone()) {
            throw new IllegalArgumentException("data-parallel training does not normalise its shards' images: train "
                    + "with --normalise " + plan.inputNormalisation().id() + " on one machine, or as committee members");
        }
        ShardLayout layout = shards.layout();
        LabelledImages test = source.load(Split.TEST);
        if (test.size() == 0) {
            throw new DatasetException(source.describe() + ": the test split holds no images");
        }
        if (test.width() != layout.width() || test.height() != layout.height() || !test.classNames().equals(layout.classNames())) {
            throw new DatasetException(source.describe() + ": the test images (" + test.width() + "×" + test.height() + ", "
                    + test.classNames() + ") do not match the shards' (" + layout.width() + "×" + layout.height() + ", "
                    + layout.classNames() + ")");
        }
        TrainedNetwork result = new DataParallelTrainer(plan, localSteps, execution, listener).train(shards, test);
        LabelledImages shape = LabelledImages.handOver(new byte[layout.pixelCount()], new int[] {0}, layout.width(),
                layout.height(), layout.classNames());
        Data data = new Data(shape, test, test, ValidationSplit.NONE, false,
                new Seen(layout.contentDigest(), test.contentDigest(), "none"), InputNormalisation.NONE);
        Map<String, Object> described = new LinkedHashMap<>(plan.describe());
        Map<String, Object> dataParallel = new LinkedHashMap<>();
        dataParallel.put("shards", layout.shards());
        dataParallel.put("localSteps", localSteps);
        dataParallel.put("method", "parameter averaging");
        described.put("dataParallel", dataParallel);
        return finish(plan, data, result, described);
    }

    /** Continues a saved run to the end of its plan, bit-identically to a run never interrupted. */
    public TrainedModel resume(TrainingCheckpoint checkpoint, CheckpointPolicy policy) {
        return resume(checkpoint, checkpoint.plan(), policy);
    }

    /**
     * Continues a saved run under {@code plan}: the checkpoint's own plan, or it with more epochs
     * (the schedule then spans the new count, so the result is no longer the uninterrupted run's).
     */
    public TrainedModel resume(TrainingCheckpoint checkpoint, TrainingPlan plan, CheckpointPolicy policy) {
        if (!plan.withEpochs(checkpoint.plan().epochs()).equals(checkpoint.plan())) {
            throw new IllegalArgumentException("a resumed run keeps its checkpoint's plan; only its epochs may grow");
        }
        if (plan.epochs() < checkpoint.epoch()) {
            throw new IllegalArgumentException("the run has done " + checkpoint.epoch()
                    + " epochs; a resumed run cannot plan fewer (" + plan.epochs() + ")");
        }
        Data data = load(plan, checkpoint.validation());
        TrainedNetwork result = new Trainer(plan, execution, listener, policy, checkpoints(plan, data))
                .resume(checkpoint.state(), checkpoint.epoch(), checkpoint.best(), data.train, data.perEpoch);
        return finish(plan, data, result);
    }

    /** Loads both splits, checks them against each other and holds out the validation images, before the first step. */
    private Data load(TrainingPlan plan, ValidationSplit validation) {
        if (plan.earlyStopping().isActive() && validation.isNone()) {
            throw new IllegalArgumentException("early stopping needs a validation split to watch: "
                    + "it never looks at the test set");
        }
        LabelledImages all = source.load(Split.TRAIN);
        if (all.size() == 0) {
            throw new DatasetException(source.describe() + ": the training split holds no images");
        }
        LabelledImages asRead = source.load(Split.TEST);
        checkTestSplit(all, asRead);
        String trainDigest = all.contentDigest();  // of the data as read: normalising is the plan's part
        String testDigest = asRead.contentDigest();
        InputNormalisation normalisation = plan.inputNormalisation();
        LabelledImages test = normalisation.apply(asRead);
        // The network against the data (sizes, classes, batch) is checked by the Trainer, also before the first step.
        ValidationSplit.Holdout holdout = validation.apply(normalisation.apply(all));
        listener.validationHeldOut(holdout);
        boolean validating = holdout.validation().size() > 0;
        return new Data(holdout.train(), validating ? holdout.validation() : test, test, holdout.split(), validating,
                new Seen(trainDigest, testDigest, describe(holdout, all.size())), normalisation);
    }

    /** A test split that cannot be measured would otherwise be found after all the training. */
    private void checkTestSplit(LabelledImages train, LabelledImages test) {
        if (test.size() == 0) {
            throw new DatasetException(source.describe() + ": the test split holds no images");
        }
        if (test.width() != train.width() || test.height() != train.height()) {
            throw new DatasetException(source.describe() + ": the test images are " + test.width() + "×" + test.height()
                    + " pixels, the training images " + train.width() + "×" + train.height());
        }
        if (!test.classNames().equals(train.classNames())) {
            throw new DatasetException(source.describe() + ": the test split has the classes " + test.classNames()
                    + ", the training split " + train.classNames());
        }
    }

    /** What this use case's checkpoints hold: a usable model, the plan, the state, the split and the kernel. */
    private CheckpointMaker checkpoints(TrainingPlan plan, Data data) {
        // The state holds a copy of the weights already: the checkpoint's model is made from it.
        return (network, epoch, state, best) -> new TrainingCheckpoint(
                model(network.spec(), state.weights(), data, metadata(plan, epoch, OptionalDouble.empty())), plan, epoch,
                state, best, data.split, KernelInfo.name());
    }

    private TrainedModel finish(TrainingPlan plan, Data data, TrainedNetwork result) {
        return finish(plan, data, result, plan.describe());
    }

    private TrainedModel finish(TrainingPlan plan, Data data, TrainedNetwork result, Map<String, Object> described) {
        int epochs = result.keptEpoch();
        Model model = model(result.network(), data, metadata(plan, epochs, OptionalDouble.empty()));
        // Evaluated on the trained network, on the run's threads.
        Evaluation test = data.validating || result.history().isEmpty() || result.last().evaluation().isEmpty()
                || epochs != result.last().epoch() ? Evaluator.evaluate(result.network(), data.test, data.train.classNames())
                : result.last().evaluation().get();
        Model measured = model.withMetadata(metadata(plan, epochs, OptionalDouble.of(test.accuracy()))
                .withProvenance(provenance(plan, data, result, described)));
        return new TrainedModel(measured, result.history(), test, result.stopReason(), result.keptEpoch());
    }

    /** A model of the network's weights as they are now (copied: the network may train on). */
    private static Model model(Network network, Data data, ModelMetadata metadata) {
        return model(network.spec(), network.parameters().stream().map(Parameter::values).toList(), data, metadata);
    }

    private static Model model(NetworkSpec spec, List<float[]> weights, Data data, ModelMetadata metadata) {
        Model model = Model.restore(spec, weights, data.train.width(), data.train.height(), data.train.classNames(), metadata);
        return data.normalisation.isNone() ? model : model.withInputNormalisation(data.normalisation);
    }

    private ModelMetadata metadata(TrainingPlan plan, int epochs, OptionalDouble accuracy) {
        return new ModelMetadata(source.describe(), plan.seed(), epochs, accuracy, ModelMetadata.currentToolVersion(), clock.instant());
    }

    private Provenance provenance(TrainingPlan plan, Data data, TrainedNetwork result, Map<String, Object> described) {
        String kernel = KernelInfo.name() + (KernelInfo.vectorBits() > 0 ? " (" + KernelInfo.vectorBits() + "-bit)" : "");
        return new Provenance(described, data.seen.trainDigest, data.seen.testDigest, data.seen.validation,
                result.keptEpoch(), keptBecause(plan, result), kernel, execution.count(), host.java(), host.cpu(),
                host.commit());
    }

    private static String keptBecause(TrainingPlan plan, TrainedNetwork result) {
        String watched = "validation " + plan.earlyStopping().monitor().id();
        int last = result.history().isEmpty() ? result.keptEpoch() : result.last().epoch();
        return switch (result.stopReason()) {
            case REQUESTED -> "the last epoch before the run was stopped";
            case PATIENCE -> (result.keptEpoch() == last ? "the last epoch" : "the best " + watched)
                    + ": early stopping ended the run after epoch " + last;
            case COMPLETED -> plan.averagesWeights() ? "the mean of the last " + plan.averagedEpochs()
                    + " epochs' weights (weight averaging)"
                    : !plan.earlyStopping().restoreBest() ? "the last epoch"
                    : result.keptEpoch() == last ? "the last epoch, also the best " + watched
                    : "the best " + watched + " (early stopping restored it)";
        };
    }

    /** The held-out images in one line: kind, size, seed and images per class. */
    private static String describe(ValidationSplit.Holdout holdout, int total) {
        if (holdout.validation().size() == 0) {
            return "none";
        }
        ValidationSplit split = holdout.split();
        StringBuilder text = new StringBuilder(String.format(java.util.Locale.ROOT, "%s, %d of %d training images",
                split.kind() == ValidationSplit.Kind.LAST ? "the last ones" : "stratified, seed " + split.seed(),
                holdout.validation().size(), total));
        int[] perClass = holdout.perClass();
        text.append("; per class");
        for (int c = 0; c < perClass.length; c++) {
            text.append(c == 0 ? " " : ", ").append(holdout.validation().classNames().get(c)).append(": ").append(perClass[c]);
        }
        return text.toString();
    }

    /** What a run saw, for its provenance. */
    private record Seen(String trainDigest, String testDigest, String validation) {
    }

    /** The splits of one run; the whole training set is not kept once it is split. */
    private record Data(LabelledImages train, LabelledImages perEpoch, LabelledImages test, ValidationSplit split,
                        boolean validating, Seen seen, InputNormalisation normalisation) {
    }
}

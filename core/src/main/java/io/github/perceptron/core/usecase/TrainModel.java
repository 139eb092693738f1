package io.github.perceptron.core.usecase;

import io.github.perceptron.core.checkpoint.CheckpointPolicy;
import io.github.perceptron.core.checkpoint.TrainingCheckpoint;
import io.github.perceptron.core.data.DatasetException;
import io.github.perceptron.core.data.DatasetSource;
import io.github.perceptron.core.data.LabelledImages;
import io.github.perceptron.core.data.Split;
import io.github.perceptron.core.eval.Evaluation;
import io.github.perceptron.core.layer.Parameter;
import io.github.perceptron.core.model.Model;
import io.github.perceptron.core.model.ModelMetadata;
import io.github.perceptron.core.model.ToolVersion;
import io.github.perceptron.core.network.Network;
import io.github.perceptron.core.train.CheckpointSink;
import io.github.perceptron.core.train.Execution;
import io.github.perceptron.core.train.Trainer;
import io.github.perceptron.core.train.TrainingListener;
import io.github.perceptron.core.train.TrainingPlan;
import io.github.perceptron.core.train.TrainingProgress;
import io.github.perceptron.core.train.TrainingResult;
import java.time.Clock;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Use case: train a model on a dataset's training split and measure it on the test split.
 *
 * <p>With a validation size {@code v > 0}, the last {@code v} training examples are held out and
 * reported after every epoch instead of the test set, which is then touched only once, at the end
 * (Nielsen's 50,000/10,000 split is {@code v = 10000}).
 */
public final class TrainModel {

    private final DatasetSource source;
    private final TrainingListener listener;
    private final Clock clock;
    private final Execution execution;

    /** Training on {@code execution}'s threads, reporting to {@code listener}, dating models by {@code clock}. */
    public TrainModel(DatasetSource source, TrainingListener listener, Clock clock, Execution execution) {
        this.source = source;
        this.listener = listener;
        this.clock = clock;
        this.execution = execution;
    }

    /** Training on every processor, silently. */
    public TrainModel(DatasetSource source) {
        this(source, TrainingListener.NONE, Clock.systemUTC(), Execution.allProcessors());
    }

    /** Trains with no validation split and no checkpoints. */
    public TrainedModel train(TrainingPlan plan) {
        return train(plan, 0, CheckpointPolicy.NONE);
    }

    /** Trains, holding out the last {@code validationSize} training examples, saving checkpoints as {@code policy} says. */
    public TrainedModel train(TrainingPlan plan, int validationSize, CheckpointPolicy policy) {
        Data data = load(validationSize);
        TrainingResult result = new Trainer(plan, execution, listener, sink(plan, validationSize, data, policy))
                .train(data.train, data.perEpoch);
        return finish(plan, data, result);
    }

    /** Continues a saved run to the end of its plan, bit-identically to a run never interrupted. */
    public TrainedModel resume(TrainingCheckpoint checkpoint, CheckpointPolicy policy) {
        TrainingPlan plan = checkpoint.plan();
        Data data = load(checkpoint.validationSize());
        List<float[]> weights = checkpoint.model().parameters().stream().map(Parameter::values).toList();
        TrainingResult result = new Trainer(plan, execution, listener, sink(plan, checkpoint.validationSize(), data, policy))
                .resume(weights, checkpoint.progress(), data.train, data.perEpoch);
        return finish(plan, data, result);
    }

    /** Loads both splits and checks them against each other, before the first step. */
    private Data load(int validationSize) {
        LabelledImages all = source.load(Split.TRAIN);
        if (all.size() == 0) {
            throw new DatasetException(source.describe() + ": the training split holds no images");
        }
        if (validationSize < 0 || validationSize >= all.size()) {
            throw new IllegalArgumentException("the validation split must hold 0 to " + (all.size() - 1)
                    + " of the " + all.size() + " training images, was " + validationSize);
        }
        LabelledImages test = source.load(Split.TEST);
        checkTestSplit(all, test);
        // The network against the data (sizes, classes, batch) is checked by the Trainer, also before the first step.
        LabelledImages train = all.slice(0, all.size() - validationSize);
        LabelledImages perEpoch = validationSize > 0 ? all.slice(train.size(), all.size()) : test;
        return new Data(all, train, perEpoch, test, validationSize > 0);
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

    private CheckpointSink sink(TrainingPlan plan, int validationSize, Data data, CheckpointPolicy policy) {
        if (policy.store() == null) {
            return CheckpointSink.NONE;
        }
        return new CheckpointSink() {
            @Override
            public int everyEpochs() {
                return policy.everyEpochs();
            }

            @Override
            public void save(Network network, TrainingProgress progress) {
                Model model = model(network, data, metadata(plan, progress.epoch(), OptionalDouble.empty()));
                policy.store().save(new TrainingCheckpoint(model, plan, progress, validationSize), policy.location());
            }
        };
    }

    private TrainedModel finish(TrainingPlan plan, Data data, TrainingResult result) {
        int epochs = result.history().isEmpty() ? plan.epochs() : result.last().epoch();
        Model model = model(result.network(), data, metadata(plan, epochs, OptionalDouble.empty()));
        Evaluation test = data.validating || result.history().isEmpty() || result.last().evaluation().isEmpty()
                ? model.evaluate(data.test) : result.last().evaluation().get();
        Model measured = model.withMetadata(metadata(plan, epochs, OptionalDouble.of(test.accuracy())));
        return new TrainedModel(measured, result.history(), test, result.stoppedEarly());
    }

    private static Model model(Network network, Data data, ModelMetadata metadata) {
        return new Model(network, data.all.width(), data.all.height(), data.all.classNames(), metadata);
    }

    private ModelMetadata metadata(TrainingPlan plan, int epochs, OptionalDouble accuracy) {
        return new ModelMetadata(source.describe(), plan.seed(), epochs, accuracy, ToolVersion.current(), clock.instant());
    }

    /** The splits of one run. */
    private record Data(LabelledImages all, LabelledImages train, LabelledImages perEpoch, LabelledImages test,
                        boolean validating) {
    }
}

package io.github.perceptron.core.usecase;

import io.github.perceptron.core.data.DatasetSource;
import io.github.perceptron.core.data.LabelledImages;
import io.github.perceptron.core.data.Split;
import io.github.perceptron.core.eval.Evaluation;
import io.github.perceptron.core.model.Model;
import io.github.perceptron.core.model.ModelMetadata;
import io.github.perceptron.core.model.ToolVersion;
import io.github.perceptron.core.train.Trainer;
import io.github.perceptron.core.train.TrainingListener;
import io.github.perceptron.core.train.TrainingPlan;
import io.github.perceptron.core.train.TrainingResult;
import java.time.Clock;
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

    public TrainModel(DatasetSource source, TrainingListener listener, Clock clock) {
        this.source = source;
        this.listener = listener;
        this.clock = clock;
    }

    public TrainModel(DatasetSource source) {
        this(source, TrainingListener.NONE, Clock.systemUTC());
    }

    public TrainedModel train(TrainingPlan plan, int validationSize) {
        LabelledImages all = source.load(Split.TRAIN);
        if (validationSize < 0 || validationSize >= all.size()) {
            throw new IllegalArgumentException("validation size must be in [0, " + all.size() + "), was " + validationSize);
        }
        LabelledImages test = source.load(Split.TEST);
        LabelledImages train = all.slice(0, all.size() - validationSize);
        LabelledImages perEpoch = validationSize > 0 ? all.slice(train.size(), all.size()) : test;
        TrainingResult result = new Trainer(plan, listener).train(train, perEpoch);
        ModelMetadata metadata = new ModelMetadata(source.describe(), plan.seed(), plan.epochs(),
                OptionalDouble.empty(), ToolVersion.current(), clock.instant());
        Model model = new Model(result.network(), all.width(), all.height(), all.classNames(), metadata);
        Evaluation testEvaluation = validationSize > 0 || result.last().evaluation().isEmpty()
                ? model.evaluate(test) : result.last().evaluation().get();
        ModelMetadata measured = new ModelMetadata(metadata.dataset(), metadata.seed(), metadata.epochs(),
                OptionalDouble.of(testEvaluation.accuracy()), metadata.toolVersion(), metadata.created());
        return new TrainedModel(model.withMetadata(measured), result.history(), testEvaluation);
    }

    /** This is what a training run returns: the model, its per-epoch history and the final test evaluation. */
    public TrainedModel train(TrainingPlan plan) {
        return train(plan, 0);
    }
}

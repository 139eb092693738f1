package io.github.perceptron.cli.train;

import io.github.perceptron.cli.common.OptionException;
import io.github.perceptron.core.augment.Augmentation;
import io.github.perceptron.core.data.InputNormalisation;
import io.github.perceptron.core.layer.Activation;
import io.github.perceptron.core.layer.Initialization;
import io.github.perceptron.core.loss.Loss;
import io.github.perceptron.core.optim.LearningRateSchedule;
import io.github.perceptron.core.optim.OptimizerSpec;
import io.github.perceptron.core.train.ClassWeights;
import io.github.perceptron.core.train.TrainingPlan;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings of a training run as typed values, one per training option, and the options a user
 * (or a search, or a preset) gave, as given, for reports and commands to show. {@code train} makes
 * them from its options; {@code tune} and {@code compare} change typed fields with {@link #with};
 * {@link #plan} is the run they describe.
 *
 * @param learningRate null for the optimiser's own default rate
 * @param initialization null for the one suited to the activation
 * @param labelSmoothing ε of the smoothed training targets, 0 for none
 * @param averageLast  how many last epochs' weights the kept model averages, 0 for none
 * @param inputNormalisation how each image is normalised before the network sees it
 * @param given        the options given, by name without dashes, with their text (null for a flag), in order
 */
public record TrainingSettings(List<Integer> layers, Activation activation, Loss loss, String optimizer, Double learningRate,
                               double momentum, double l2, double dropout, Initialization initialization, int epochs,
                               int batch, long seed, LearningRateSchedule schedule, double warmup, boolean shuffle,
                               Augmentation augmentation, ClassWeights classWeights, double labelSmoothing,
                               int averageLast, InputNormalisation inputNormalisation, Map<String, String> given) {

    /**
     * The defaults: the best model we know how to train in about a minute on two cores, chosen on
     * a 50,000/10,000 validation split (never the test set): [784,512,10] ReLU, dropout 0.2,
     * Nesterov momentum 0.9 at 0.1 with a cosine schedule, ±2 px shifts, 60 epochs.
     */
    public static final TrainingSettings DEFAULTS = new TrainingSettings(List.of(784, 512, 10), Activation.RELU,
            Loss.fromId("cross-entropy"), "nesterov", null, 0.9, 0, 0.2, null, 60, 100, 1,
            new LearningRateSchedule.Cosine(0), 0, true, Augmentation.NONE.withShift(2), ClassWeights.NONE, 0, 0,
            InputNormalisation.NONE, Map.of());

    /** The training options that take no value. */
    private static final List<String> FLAGS = List.of("no-shuffle");

    public TrainingSettings {
        layers = List.copyOf(layers);
        given = Collections.unmodifiableMap(new LinkedHashMap<>(given));
    }

    /**
     * These settings with the training option {@code name} (without dashes: {@code lr},
     * {@code layers}, {@code no-shuffle}) set to {@code text}, parsed as {@code train} parses it;
     * the option moves to the end of {@link #given}.
     *
     * @throws OptionException for an unknown option or a value it does not take
     */
    public TrainingSettings with(String name, String text) {
        Map<String, String> now = new LinkedHashMap<>(given);
        now.remove(name);
        now.put(name, text);
        String option = "--" + name;
        Draft draft = new Draft(this);
        switch (name) {
            case "layers" -> draft.layers = TrainingFields.layers(text);
            case "activation" -> draft.activation = TrainingFields.activation(text);
            case "loss" -> draft.loss = TrainingFields.loss(text);
            case "optimizer" -> draft.optimizer = TrainingFields.optimizer(text);
            case "lr" -> draft.learningRate = TrainingFields.number(option, text);
            case "momentum" -> draft.momentum = TrainingFields.number(option, text);
            case "l2" -> draft.l2 = TrainingFields.number(option, text);
            case "dropout" -> draft.dropout = TrainingFields.dropout(text);
            case "init" -> draft.initialization = TrainingFields.initialization(text);
            case "epochs" -> draft.epochs = TrainingFields.integer(option, text);
            case "batch" -> draft.batch = TrainingFields.integer(option, text);
            case "seed" -> draft.seed = TrainingFields.longInteger(option, text);
            case "schedule" -> draft.schedule = TrainingFields.schedule(text);
            case "warmup" -> draft.warmup = TrainingFields.warmup(text);
            case "no-shuffle" -> draft.shuffle = text != null && text.equals("false");
            case "augment" -> draft.augmentation = TrainingFields.augmentation(text);
            case "class-weights" -> draft.classWeights = TrainingFields.classWeights(text);
            case "label-smoothing" -> draft.labelSmoothing = TrainingFields.labelSmoothing(text);
            case "average-last" -> draft.averageLast = TrainingFields.averageLast(text);
            case "normalise" -> draft.inputNormalisation = TrainingFields.normalisation(text);
            default -> throw new OptionException("unknown training option '" + option + "'");
        }
        return draft.settings(now);
    }

    /** These settings with each of {@code changes} applied in order. */
    public TrainingSettings with(Map<String, String> changes) {
        TrainingSettings settings = this;
        for (Map.Entry<String, String> change : changes.entrySet()) {
            settings = settings.with(change.getKey(), change.getValue());
        }
        return settings;
    }

    /**
     * These settings with {@code arguments} applied in order, written as {@code train} takes them
     * ({@code --lr 0.05 --no-shuffle ...}): how a preset of {@code compare} is written down.
     */
    public TrainingSettings withArguments(List<String> arguments) {
        TrainingSettings settings = this;
        for (int i = 0; i < arguments.size(); i++) {
            String option = arguments.get(i);
            if (!option.startsWith("--")) {
                throw new OptionException("'" + option + "' is not a training option");
            }
            String name = option.substring(2);
            settings = settings.with(name, FLAGS.contains(name) ? null : arguments.get(++i));
        }
        return settings;
    }

    /** The options given, as {@code train} takes them: {@code --lr 0.05 --no-shuffle ...}. */
    public List<String> arguments() {
        List<String> arguments = new ArrayList<>();
        given.forEach((name, text) -> {
            arguments.add("--" + name);
            if (text != null) {
                arguments.add(text);
            }
        });
        return arguments;
    }

    /**
     * The plan these settings describe. Core's refusals (a loss that does not fit the activation,
     * class weights of the wrong count) are about the options, and said as such.
     */
    public TrainingPlan plan() {
        try {
            OptimizerSpec rule = OptimizerSpec.of(optimizer, learningRate, momentum);
            return TrainingPlan.builder()
                    .layers(layers.stream().mapToInt(Integer::intValue).toArray())
                    .activation(activation)
                    .loss(loss)
                    .dropout(dropout)
                    .initialization(initialization)
                    .optimizer(rule)
                    .schedule(warmup > 0 ? new LearningRateSchedule.Warmup(warmup, schedule) : schedule)
                    .l2(l2)
                    .epochs(epochs)
                    .batchSize(batch)
                    .seed(seed)
                    .shuffle(shuffle)
                    .augmentation(augmentation)
                    .classWeights(classWeights)
                    .labelSmoothing(labelSmoothing)
                    .averageLastEpochs(averageLast)
                    .inputNormalisation(inputNormalisation)
                    .build();
        } catch (OptionException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new OptionException(e.getMessage(), e);
        }
    }

    /**
     * A copy of settings to change one field of: {@link #with} sets the field its option names,
     * so a new option is one line there and one field here, not another copy of the constructor.
     */
    private static final class Draft {
        private List<Integer> layers;
        private Activation activation;
        private Loss loss;
        private String optimizer;
        private Double learningRate;
        private double momentum;
        private double l2;
        private double dropout;
        private Initialization initialization;
        private int epochs;
        private int batch;
        private long seed;
        private LearningRateSchedule schedule;
        private double warmup;
        private boolean shuffle;
        private Augmentation augmentation;
        private ClassWeights classWeights;
        private double labelSmoothing;
        private int averageLast;
        private InputNormalisation inputNormalisation;

        private Draft(TrainingSettings from) {
            layers = from.layers;
            activation = from.activation;
            loss = from.loss;
            optimizer = from.optimizer;
            learningRate = from.learningRate;
            momentum = from.momentum;
            l2 = from.l2;
            dropout = from.dropout;
            initialization = from.initialization;
            epochs = from.epochs;
            batch = from.batch;
            seed = from.seed;
            schedule = from.schedule;
            warmup = from.warmup;
            shuffle = from.shuffle;
            augmentation = from.augmentation;
            classWeights = from.classWeights;
            labelSmoothing = from.labelSmoothing;
            averageLast = from.averageLast;
            inputNormalisation = from.inputNormalisation;
        }

        private TrainingSettings settings(Map<String, String> given) {
            return new TrainingSettings(layers, activation, loss, optimizer, learningRate, momentum, l2, dropout,
                    initialization, epochs, batch, seed, schedule, warmup, shuffle, augmentation, classWeights,
                    labelSmoothing, averageLast, inputNormalisation, given);
        }
    }
}

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
        return switch (name) {
            case "layers" -> new TrainingSettings(TrainingFields.layers(text), activation, loss, optimizer, learningRate,
                    momentum, l2, dropout, initialization, epochs, batch, seed, schedule, warmup, shuffle, augmentation,
                    classWeights, labelSmoothing, averageLast, inputNormalisation, now);
            case "activation" -> new TrainingSettings(layers, TrainingFields.activation(text), loss, optimizer, learningRate,
                    momentum, l2, dropout, initialization, epochs, batch, seed, schedule, warmup, shuffle, augmentation,
                    classWeights, labelSmoothing, averageLast, inputNormalisation, now);
            case "loss" -> new TrainingSettings(layers, activation, TrainingFields.loss(text), optimizer, learningRate,
                    momentum, l2, dropout, initialization, epochs, batch, seed, schedule, warmup, shuffle, augmentation,
                    classWeights, labelSmoothing, averageLast, inputNormalisation, now);
            case "optimizer" -> new TrainingSettings(layers, activation, loss, TrainingFields.optimizer(text), learningRate,
                    momentum, l2, dropout, initialization, epochs, batch, seed, schedule, warmup, shuffle, augmentation,
                    classWeights, labelSmoothing, averageLast, inputNormalisation, now);
            case "lr" -> new TrainingSettings(layers, activation, loss, optimizer, TrainingFields.number(option, text),
                    momentum, l2, dropout, initialization, epochs, batch, seed, schedule, warmup, shuffle, augmentation,
                    classWeights, labelSmoothing, averageLast, inputNormalisation, now);
            case "momentum" -> new TrainingSettings(layers, activation, loss, optimizer, learningRate,
                    TrainingFields.number(option, text), l2, dropout, initialization, epochs, batch, seed, schedule, warmup,
                    shuffle, augmentation, classWeights, labelSmoothing, averageLast, inputNormalisation, now);
            case "l2" -> new TrainingSettings(layers, activation, loss, optimizer, learningRate, momentum,
                    TrainingFields.number(option, text), dropout, initialization, epochs, batch, seed, schedule, warmup,
                    shuffle, augmentation, classWeights, labelSmoothing, averageLast, inputNormalisation, now);
            case "dropout" -> new TrainingSettings(layers, activation, loss, optimizer, learningRate, momentum, l2,
                    TrainingFields.dropout(text), initialization, epochs, batch, seed, schedule, warmup, shuffle, augmentation,
                    classWeights, labelSmoothing, averageLast, inputNormalisation, now);
            case "init" -> new TrainingSettings(layers, activation, loss, optimizer, learningRate, momentum, l2, dropout,
                    TrainingFields.initialization(text), epochs, batch, seed, schedule, warmup, shuffle, augmentation,
                    classWeights, labelSmoothing, averageLast, inputNormalisation, now);
            case "epochs" -> new TrainingSettings(layers, activation, loss, optimizer, learningRate, momentum, l2, dropout,
                    initialization, TrainingFields.integer(option, text), batch, seed, schedule, warmup, shuffle, augmentation,
                    classWeights, labelSmoothing, averageLast, inputNormalisation, now);
            case "batch" -> new TrainingSettings(layers, activation, loss, optimizer, learningRate, momentum, l2, dropout,
                    initialization, epochs, TrainingFields.integer(option, text), seed, schedule, warmup, shuffle, augmentation,
                    classWeights, labelSmoothing, averageLast, inputNormalisation, now);
            case "seed" -> new TrainingSettings(layers, activation, loss, optimizer, learningRate, momentum, l2, dropout,
                    initialization, epochs, batch, TrainingFields.longInteger(option, text), schedule, warmup, shuffle,
                    augmentation, classWeights, labelSmoothing, averageLast, inputNormalisation, now);
            case "schedule" -> new TrainingSettings(layers, activation, loss, optimizer, learningRate, momentum, l2, dropout,
                    initialization, epochs, batch, seed, TrainingFields.schedule(text), warmup, shuffle, augmentation,
                    classWeights, labelSmoothing, averageLast, inputNormalisation, now);
            case "warmup" -> new TrainingSettings(layers, activation, loss, optimizer, learningRate, momentum, l2, dropout,
                    initialization, epochs, batch, seed, schedule, TrainingFields.warmup(text), shuffle, augmentation,
                    classWeights, labelSmoothing, averageLast, inputNormalisation, now);
            case "no-shuffle" -> new TrainingSettings(layers, activation, loss, optimizer, learningRate, momentum, l2, dropout,
                    initialization, epochs, batch, seed, schedule, warmup, text != null && text.equals("false"),
                    augmentation, classWeights, labelSmoothing, averageLast, inputNormalisation, now);
            case "augment" -> new TrainingSettings(layers, activation, loss, optimizer, learningRate, momentum, l2, dropout,
                    initialization, epochs, batch, seed, schedule, warmup, shuffle, TrainingFields.augmentation(text),
                    classWeights, labelSmoothing, averageLast, inputNormalisation, now);
            case "class-weights" -> new TrainingSettings(layers, activation, loss, optimizer, learningRate, momentum, l2,
                    dropout, initialization, epochs, batch, seed, schedule, warmup, shuffle, augmentation,
                    TrainingFields.classWeights(text), labelSmoothing, averageLast, inputNormalisation, now);
            case "label-smoothing" -> new TrainingSettings(layers, activation, loss, optimizer, learningRate, momentum, l2,
                    dropout, initialization, epochs, batch, seed, schedule, warmup, shuffle, augmentation, classWeights,
                    TrainingFields.labelSmoothing(text), averageLast, inputNormalisation, now);
            case "average-last" -> new TrainingSettings(layers, activation, loss, optimizer, learningRate, momentum, l2,
                    dropout, initialization, epochs, batch, seed, schedule, warmup, shuffle, augmentation, classWeights,
                    labelSmoothing, TrainingFields.averageLast(text), inputNormalisation, now);
            case "normalise" -> new TrainingSettings(layers, activation, loss, optimizer, learningRate, momentum, l2,
                    dropout, initialization, epochs, batch, seed, schedule, warmup, shuffle, augmentation, classWeights,
                    labelSmoothing, averageLast, TrainingFields.normalisation(text), now);
            default -> throw new OptionException("unknown training option '" + option + "'");
        };
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
}

package io.github.perceptron.cli.train;

import io.github.perceptron.cli.common.OptionException;
import io.github.perceptron.cli.train.LayerSizes;
import io.github.perceptron.core.augment.Augmentation;
import io.github.perceptron.core.data.InputNormalisation;
import io.github.perceptron.core.layer.Activation;
import io.github.perceptron.core.layer.Initialization;
import io.github.perceptron.core.loss.Loss;
import io.github.perceptron.core.optim.LearningRateSchedule;
import io.github.perceptron.core.optim.OptimizerSpec;
import io.github.perceptron.core.train.ClassWeights;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The text of each training option turned into its typed value, with one message per mistake
 * naming the option: what picocli's converters call when {@code train} is parsed, and what
 * {@link TrainingSettings#with} calls when {@code tune} or {@code compare} change a field.
 */
final class TrainingFields {

    private TrainingFields() {
    }

    static List<Integer> layers(String text) {
        return Arrays.stream(LayerSizes.parse(text)).boxed().toList();
    }

    static Activation activation(String text) {
        return core("--activation", () -> Activation.fromId(text));
    }

    static Loss loss(String text) {
        return core("--loss", () -> Loss.fromId(text));
    }

    static Initialization initialization(String text) {
        return core("--init", () -> Initialization.fromId(text));
    }

    /** An optimiser's id, one of {@link OptimizerSpec#ids()}. */
    static String optimizer(String text) {
        String id = text.strip().toLowerCase(Locale.ROOT);
        if (!OptimizerSpec.ids().contains(id)) {
            throw new OptionException("unknown optimizer '" + text + "', expected one of " + String.join(", ", OptimizerSpec.ids()));
        }
        return id;
    }

    static double dropout(String text) {
        double rate = number("--dropout", text);
        if (!(rate >= 0 && rate < 1)) {
            throw new OptionException("--dropout must be a rate in [0, 1), was " + text);
        }
        return rate;
    }

    static InputNormalisation normalisation(String text) {
        try {
            return InputNormalisation.parse(text);
        } catch (IllegalArgumentException e) {
            throw new OptionException("--normalise: " + e.getMessage(), e);
        }
    }

    static double labelSmoothing(String text) {
        return labelSmoothing(number("--label-smoothing", text));
    }

    static double labelSmoothing(double epsilon) {
        if (!(epsilon >= 0 && epsilon <= 0.5)) {
            throw new OptionException("--label-smoothing must be in [0, 0.5], was " + epsilon);
        }
        return epsilon;
    }

    static int averageLast(String text) {
        return averageLast(integer("--average-last", text));
    }

    static int averageLast(int epochs) {
        if (epochs < 0) {
            throw new OptionException("--average-last must be a number of epochs >= 0, was " + epochs);
        }
        return epochs;
    }

    static double warmup(String text) {
        double epochs = number("--warmup", text);
        if (!(epochs >= 0) || Double.isInfinite(epochs)) {
            throw new OptionException("--warmup must be a number of epochs >= 0, was " + text);
        }
        return epochs;
    }

    /** {@code constant}, {@code step:EVERY:FACTOR} or {@code cosine[:FINAL_FRACTION]}. */
    static LearningRateSchedule schedule(String text) {
        String[] parts = text.toLowerCase(Locale.ROOT).split(":", -1);
        try {
            if (parts[0].equals("constant") && parts.length == 1) {
                return new LearningRateSchedule.Constant();
            } else if (parts[0].equals("step") && parts.length == 3) {
                return core("--schedule", () -> new LearningRateSchedule.StepDecay(Integer.parseInt(parts[1]),
                        Double.parseDouble(parts[2])));
            } else if (parts[0].equals("cosine") && parts.length <= 2) {
                return core("--schedule", () -> new LearningRateSchedule.Cosine(parts.length == 2
                        ? Double.parseDouble(parts[1]) : 0));
            }
        } catch (NumberFormatException e) {
            throw new OptionException("bad number in schedule '" + text + "'");
        }
        throw new OptionException("bad schedule '" + text + "', expected constant, step:EVERY:FACTOR or cosine[:FINAL_FRACTION]");
    }

    /**
     * {@code none}, or any of {@code shift[:PIXELS]}, {@code rotate[:DEGREES]}, {@code scale[:FRACTION]} and
     * {@code elastic[:ALPHA:SIGMA]}, comma-separated; a distortion without numbers takes its default (2 px,
     * 15°, 10%, Simard et al.'s 34 and 4).
     */
    static Augmentation augmentation(String text) {
        Augmentation result = Augmentation.NONE;
        for (String raw : text.toLowerCase(Locale.ROOT).split(",", -1)) {
            String part = raw.strip();
            String[] words = part.split(":", -1);
            Distortion distortion = Distortion.named(words[0], part);
            double[] numbers = augmentationNumbers(part, words);
            Augmentation before = result;
            result = core("--augment", () -> switch (distortion) {
                case NONE -> {
                    if (numbers.length != 0) {
                        throw new OptionException("--augment: '" + part + "' takes no number");
                    }
                    yield before;
                }
                case SHIFT -> before.withShift(atMostOne(part, numbers, 2, "shift:PIXELS"));
                case ROTATE -> before.withRotation(atMostOne(part, numbers, 15, "rotate:DEGREES"));
                case SCALE -> before.withScale(atMostOne(part, numbers, 0.1, "scale:FRACTION"));
                case ELASTIC -> {
                    if (numbers.length != 0 && numbers.length != 2) {
                        throw new OptionException("--augment: '" + part + "' takes two numbers or none, elastic:ALPHA:SIGMA");
                    }
                    yield numbers.length == 0 ? before.withElastic(34, 4) : before.withElastic(numbers[0], numbers[1]);
                }
            });
        }
        return result;
    }

    /** The words {@code --augment} knows, each once: the switch above must take every one. */
    private enum Distortion {
        NONE, SHIFT, ROTATE, SCALE, ELASTIC;

        static Distortion named(String name, String part) {
            for (Distortion distortion : values()) {
                if (distortion.word().equals(name)) {
                    return distortion;
                }
            }
            throw new OptionException("unknown augmentation '" + part + "', expected none or a comma-separated list of "
                    + Arrays.stream(values()).filter(d -> d != NONE).map(Distortion::word).collect(Collectors.joining(", ")));
        }

        String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The one number a distortion may take ({@code form} shows how), or its default. */
    private static double atMostOne(String part, double[] numbers, double byDefault, String form) {
        if (numbers.length > 1) {
            throw new OptionException("--augment: '" + part + "' takes at most one number, " + form);
        }
        return numbers.length == 0 ? byDefault : numbers[0];
    }

    /** The numbers after a distortion's name, {@code elastic:36:6} giving 36 and 6. */
    private static double[] augmentationNumbers(String part, String[] words) {
        double[] numbers = new double[words.length - 1];
        for (int i = 1; i < words.length; i++) {
            try {
                numbers[i - 1] = Double.parseDouble(words[i]);
            } catch (NumberFormatException e) {
                throw new OptionException("--augment: bad number '" + words[i] + "' in '" + part + "'");
            }
            if (!Double.isFinite(numbers[i - 1])) {
                throw new OptionException("--augment: '" + words[i] + "' in '" + part + "' is not a finite number");
            }
        }
        return numbers;
    }

    /** {@code balanced}, or one weight per class. */
    static ClassWeights classWeights(String text) {
        if (text.strip().equals("balanced")) {
            return ClassWeights.balancedWeights();
        }
        List<Double> weights = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            try {
                weights.add(Double.parseDouble(part.strip()));
            } catch (NumberFormatException e) {
                throw new OptionException("--class-weights must be balanced or numbers separated by commas, was '" + text + "'");
            }
        }
        return core("--class-weights", () -> ClassWeights.of(weights));
    }

    static double number(String option, String text) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new OptionException(option + " must be a number, was '" + text + "'");
        }
    }

    static int integer(String option, String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new OptionException(option + " must be a whole number, was '" + text + "'");
        }
    }

    static long longInteger(String option, String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new OptionException(option + " must be a whole number, was '" + text + "'");
        }
    }

    /** Core's refusal of a value is about the option that gave it, and said as such. */
    private static <T> T core(String option, Supplier<T> value) {
        try {
            return value.get();
        } catch (OptionException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new OptionException(option + ": " + e.getMessage(), e);
        }
    }

    /** A picocli converter calling one of these parsers: its refusal is the option's one-line error. */
    abstract static class Converter<T> implements ITypeConverter<T> {
        private final Function<String, T> parser;

        Converter(Function<String, T> parser) {
            this.parser = parser;
        }

        @Override
        public T convert(String value) {
            try {
                return parser.apply(value);
            } catch (OptionException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class ActivationId extends Converter<Activation> {
        ActivationId() {
            super(TrainingFields::activation);
        }
    }

    static final class LossId extends Converter<Loss> {
        LossId() {
            super(TrainingFields::loss);
        }
    }

    static final class InitializationId extends Converter<Initialization> {
        InitializationId() {
            super(TrainingFields::initialization);
        }
    }

    static final class OptimizerId extends Converter<String> {
        OptimizerId() {
            super(TrainingFields::optimizer);
        }
    }

    static final class Dropout extends Converter<Double> {
        Dropout() {
            super(TrainingFields::dropout);
        }
    }

    static final class Warmup extends Converter<Double> {
        Warmup() {
            super(TrainingFields::warmup);
        }
    }

    static final class Schedule extends Converter<LearningRateSchedule> {
        Schedule() {
            super(TrainingFields::schedule);
        }
    }

    static final class AugmentationList extends Converter<Augmentation> {
        AugmentationList() {
            super(TrainingFields::augmentation);
        }
    }

    static final class Weights extends Converter<ClassWeights> {
        Weights() {
            super(TrainingFields::classWeights);
        }
    }
}

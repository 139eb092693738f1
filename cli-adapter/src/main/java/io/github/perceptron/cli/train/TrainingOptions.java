package io.github.perceptron.cli.train;

import io.github.perceptron.cli.common.OptionException;
import io.github.perceptron.core.augment.Augmentation;
import io.github.perceptron.core.layer.Activation;
import io.github.perceptron.core.layer.Initialization;
import io.github.perceptron.core.loss.Loss;
import io.github.perceptron.core.optim.LearningRateSchedule;
import io.github.perceptron.core.train.ClassWeights;
import io.github.perceptron.core.train.Threads;
import io.github.perceptron.core.train.TrainingPlan;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * The options that decide a training run, parsed by picocli's converters into typed values
 * ({@link TrainingFields}); {@link #settings} hands them on. The defaults are
 * {@link TrainingSettings#DEFAULTS}; their accuracy and time are in the README and
 * docs/performance.md.
 */
public final class TrainingOptions {

    // One value, parsed here: a list option would join two --layers into one longer network.
    @Option(names = "--layers", paramLabel = "N,N,...", defaultValue = "784,512,10",
            description = "Layer sizes from input to output (default: ${DEFAULT-VALUE}).")
    String layers;

    @Option(names = "--activation", paramLabel = "NAME", defaultValue = "relu", converter = TrainingFields.ActivationId.class,
            description = "Hidden activation: sigmoid, tanh, relu or identity (default: ${DEFAULT-VALUE}).")
    Activation activation;

    @Option(names = "--loss", paramLabel = "NAME", defaultValue = "cross-entropy", converter = TrainingFields.LossId.class,
            description = "cross-entropy (softmax output) or mse (sigmoid output) (default: ${DEFAULT-VALUE}).")
    Loss loss;

    @Option(names = "--optimizer", paramLabel = "NAME", defaultValue = "nesterov", converter = TrainingFields.OptimizerId.class,
            description = "sgd, momentum, nesterov, adagrad, rmsprop or adam (default: ${DEFAULT-VALUE}).")
    String optimizer;

    @Option(names = "--lr", paramLabel = "X",
            description = "Learning rate (default: 0.1 for sgd, momentum and nesterov; 0.01 adagrad; 0.001 rmsprop and adam).")
    Double learningRate;

    @Option(names = "--momentum", paramLabel = "X", defaultValue = "0.9",
            description = "Momentum for momentum and nesterov (default: ${DEFAULT-VALUE}).")
    double momentum;

    @Option(names = "--l2", paramLabel = "X", defaultValue = "0",
            description = "L2 weight decay λ, applied as w -= lr·λ·w (default: ${DEFAULT-VALUE}).")
    double l2;

    @Option(names = "--dropout", paramLabel = "X", defaultValue = "0.2", converter = TrainingFields.Dropout.class,
            description = "Dropout rate after each hidden layer (default: ${DEFAULT-VALUE}).")
    double dropout;

    @Option(names = "--init", paramLabel = "NAME", converter = TrainingFields.InitializationId.class,
            description = "Weight initialisation: normal (N(0,1), as the notebooks), xavier or he (default: suited to the activation).")
    Initialization init;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "60", description = "Epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "100", description = "Mini-batch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--schedule", paramLabel = "SPEC", defaultValue = "cosine", converter = TrainingFields.Schedule.class,
            description = "constant, step:EVERY:FACTOR or cosine[:FINAL_FRACTION] (default: ${DEFAULT-VALUE}).")
    LearningRateSchedule schedule;

    @Option(names = "--warmup", paramLabel = "EPOCHS", defaultValue = "0", converter = TrainingFields.Warmup.class,
            description = "Linear learning-rate warm-up before the schedule (default: ${DEFAULT-VALUE}).")
    double warmup;

    @Option(names = "--no-shuffle", description = "Keep the data order every epoch, as the notebooks did.")
    boolean noShuffle;

    @Option(names = "--augment", paramLabel = "LIST", defaultValue = "shift", converter = TrainingFields.AugmentationList.class,
            description = "Distort training images on the fly: none, or any of shift[:PIXELS] (±2 px), rotate[:DEGREES] (±15°), "
                    + "scale[:FRACTION] (±10%%), elastic[:ALPHA:SIGMA] (Simard 2003: 34 and 4), comma-separated "
                    + "(default: ${DEFAULT-VALUE}).")
    Augmentation augment;

    @Option(names = "--class-weights", paramLabel = "balanced|W,W,...", converter = TrainingFields.Weights.class,
            description = "Weigh each class's examples in the training loss: balanced (every class counts as much in "
                    + "total) or one weight per class (default: none).")
    ClassWeights classWeights;

    @Option(names = "--label-smoothing", paramLabel = "X", defaultValue = "0",
            description = "Train against targets (1-X)·one-hot + X/classes, cross-entropy only; evaluation measures "
                    + "the plain loss (default: ${DEFAULT-VALUE}).")
    double labelSmoothing;

    @Option(names = "--average-last", paramLabel = "N", defaultValue = "0",
            description = "Keep the mean of the weights at the end of each of the last N epochs (stochastic weight "
                    + "averaging); the last epoch reports on the mean (default: ${DEFAULT-VALUE}: the last weights).")
    int averageLast;

    @Option(names = "--normalise", paramLabel = "KIND", defaultValue = "none",
            description = "Normalise every image before the network sees it, in training and in the saved model's "
                    + "predictions: none, deskew (shear upright by the ink's moments) or widthN (stretch the ink to N "
                    + "pixels wide, as width16); a committee's members may each take their own "
                    + "(--committee-normalise) (default: ${DEFAULT-VALUE}).")
    String normalise;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads for the matrix products (default: all processors); results are the same for any N.")
    Integer threads;

    /** The command these options belong to, for the options typed on it. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** The settings these options give, with the training options typed (not their defaults), as typed, but --threads. */
    public TrainingSettings settings() {
        return new TrainingSettings(TrainingFields.layers(layers), activation, loss, optimizer, learningRate, momentum, l2, dropout, init, epochs,
                batch, seed, schedule, warmup, !noShuffle, augment, classWeights == null ? ClassWeights.NONE : classWeights,
                TrainingFields.labelSmoothing(labelSmoothing), TrainingFields.averageLast(averageLast),
                TrainingFields.normalisation(normalise), typed());
    }

    /** The plan these options describe. */
    public TrainingPlan plan() {
        return settings().plan();
    }

    /** The threads asked for with {@code --threads}, else every processor. */
    public Threads threads() {
        if (threads != null && threads < 1) {
            throw new OptionException("--threads must be at least 1, was " + threads);
        }
        return threads == null ? Threads.allProcessors() : new Threads(threads);
    }

    /** Whether the user typed the training option {@code name} (with its dashes). */
    public boolean typed(String name) {
        return command != null && command.commandLine().getParseResult().hasMatchedOption(name);
    }

    private Map<String, String> typed() {
        Map<String, String> typed = new LinkedHashMap<>();
        if (command == null) {
            return typed;
        }
        CommandLine.ParseResult parsed = command.commandLine().getParseResult();
        for (OptionSpec option : command.mixins().get("training").options()) {
            String name = option.longestName();
            if (name.equals("--threads") || !parsed.hasMatchedOption(option)) {
                continue;
            }
            List<String> values = parsed.matchedOption(name).stringValues();
            typed.put(name.substring(2), option.arity().max() == 0 ? null : values.get(values.size() - 1));
        }
        return typed;
    }
}

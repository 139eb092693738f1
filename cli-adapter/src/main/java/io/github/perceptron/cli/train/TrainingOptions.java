package io.github.perceptron.cli.train;

import io.github.perceptron.cli.common.LayerSizes;
import io.github.perceptron.cli.common.OptionException;
import io.github.perceptron.core.augment.Augmentation;
import io.github.perceptron.core.layer.Activation;
import io.github.perceptron.core.layer.Initialization;
import io.github.perceptron.core.loss.Loss;
import io.github.perceptron.core.optim.LearningRateSchedule;
import io.github.perceptron.core.optim.OptimizerSpec;
import io.github.perceptron.core.train.ClassWeights;
import io.github.perceptron.core.train.Execution;
import io.github.perceptron.core.train.TrainingPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * The options that decide a training run. The defaults are the best model we know how to train
 * in about a minute on two cores, chosen on a 50,000/10,000 validation split (never the test set):
 * [784,512,10] ReLU, dropout 0.2, Nesterov momentum 0.9 at 0.1 with a cosine schedule, ±2 px
 * shifts, 60 epochs. Their accuracy and time are in the README and docs/performance.md.
 */
public final class TrainingOptions {

    // One value, parsed here: a list option would join two --layers into one longer network.
    @Option(names = "--layers", paramLabel = "N,N,...", defaultValue = "784,512,10",
            description = "Layer sizes from input to output (default: ${DEFAULT-VALUE}).")
    String layers;

    @Option(names = "--activation", paramLabel = "NAME", defaultValue = "relu",
            description = "Hidden activation: sigmoid, tanh, relu or identity (default: ${DEFAULT-VALUE}).")
    String activation;

    @Option(names = "--loss", paramLabel = "NAME", defaultValue = "cross-entropy",
            description = "cross-entropy (softmax output) or mse (sigmoid output) (default: ${DEFAULT-VALUE}).")
    String loss;

    @Option(names = "--optimizer", paramLabel = "NAME", defaultValue = "nesterov",
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

    @Option(names = "--dropout", paramLabel = "X", defaultValue = "0.2",
            description = "Dropout rate after each hidden layer (default: ${DEFAULT-VALUE}).")
    double dropout;

    @Option(names = "--init", paramLabel = "NAME",
            description = "Weight initialisation: normal (N(0,1), as the notebooks), xavier or he (default: suited to the activation).")
    String init;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "60", description = "Epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "100", description = "Mini-batch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--schedule", paramLabel = "SPEC", defaultValue = "cosine",
            description = "constant, step:EVERY:FACTOR or cosine[:FINAL_FRACTION] (default: ${DEFAULT-VALUE}).")
    String schedule;

    @Option(names = "--warmup", paramLabel = "EPOCHS", defaultValue = "0",
            description = "Linear learning-rate warm-up before the schedule (default: ${DEFAULT-VALUE}).")
    double warmup;

    @Option(names = "--no-shuffle", description = "Keep the data order every epoch, as the notebooks did.")
    boolean noShuffle;

    @Option(names = "--augment", paramLabel = "LIST", defaultValue = "shift",
            description = "Distort training images on the fly: none, or any of shift (±2 px), rotate (±15°), "
                    + "scale (±10%%), elastic (Simard 2003), comma-separated (default: ${DEFAULT-VALUE}).")
    String augment;

    @Option(names = "--class-weights", paramLabel = "balanced|W,W,...",
            description = "Weigh each class's examples in the training loss: balanced (every class counts as much in "
                    + "total) or one weight per class (default: none).")
    String classWeights;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads for the matrix products (default: all processors); results are the same for any N.")
    Integer threads;

    /**
     * Options parsed from {@code args} with exactly the rules {@code train} uses; a later option
     * overrides an earlier one, so a base list followed by changes reads as the changed run.
     */
    public static TrainingOptions parse(List<String> args) {
        Parsed parsed = new Parsed();
        new CommandLine(parsed).setOverwrittenOptionsAllowed(true).parseArgs(args.toArray(String[]::new));
        return parsed.training;
    }

    /**
     * The training options {@code command} was given, as typed (not their defaults), without
     * {@code --threads}: what {@link #parse} needs to make the same plan elsewhere.
     */
    public static List<String> typed(CommandSpec command) {
        List<String> typed = new ArrayList<>();
        CommandLine.ParseResult parsed = command.commandLine().getParseResult();
        for (OptionSpec option : command.mixins().get("training").options()) {
            String name = option.longestName();
            if (name.equals("--threads") || !parsed.hasMatchedOption(option)) {
                continue;
            }
            if (option.arity().max() == 0) {
                typed.add(name);
            } else {
                for (String value : parsed.matchedOption(name).stringValues()) {
                    typed.add(name);
                    typed.add(value);
                }
            }
        }
        return typed;
    }

    /** The holder {@link #parse} fills. */
    @Command(name = "options")
    static final class Parsed {
        @Mixin
        TrainingOptions training;
    }

    /**
     * The plan these options describe. Core's refusals here (an unknown activation, a negative
     * learning rate, class weights of the wrong count) are about the options, and said as such.
     */
    public TrainingPlan plan() {
        try {
            return buildPlan();
        } catch (OptionException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new OptionException(e.getMessage(), e);
        }
    }

    private TrainingPlan buildPlan() {
        Activation hidden = Activation.fromId(activation);
        Initialization initialization = init == null ? null : Initialization.fromId(init);
        if (!(dropout >= 0 && dropout < 1)) {
            throw new OptionException("--dropout must be a rate in [0, 1), was " + dropout);
        }
        return TrainingPlan.builder()
                .layers(LayerSizes.parse(layers))
                .activation(hidden)
                .loss(Loss.fromId(loss))
                .dropout(dropout)
                .initialization(initialization)
                .optimizer(optimizerSpec())
                .schedule(scheduleSpec())
                .l2(l2)
                .epochs(epochs)
                .batchSize(batch)
                .seed(seed)
                .shuffle(!noShuffle)
                .augmentation(augmentation())
                .classWeights(classWeights())
                .build();
    }

    private ClassWeights classWeights() {
        if (classWeights == null) {
            return ClassWeights.NONE;
        }
        if (classWeights.strip().equals("balanced")) {
            return ClassWeights.balancedWeights();
        }
        java.util.List<Double> weights = new java.util.ArrayList<>();
        for (String part : classWeights.split(",", -1)) {
            try {
                weights.add(Double.parseDouble(part.strip()));
            } catch (NumberFormatException e) {
                throw new OptionException("--class-weights must be balanced or numbers separated by commas, was '"
                        + classWeights + "'");
            }
        }
        try {
            return ClassWeights.of(weights);
        } catch (IllegalArgumentException e) {
            throw new OptionException("--class-weights: " + e.getMessage());
        }
    }

    /** The threads asked for with {@code --threads}, else every processor. */
    public Execution execution() {
        if (threads != null && threads < 1) {
            throw new OptionException("--threads must be at least 1, was " + threads);
        }
        return threads == null ? Execution.allProcessors() : new Execution(threads);
    }

    private OptimizerSpec optimizerSpec() {
        switch (optimizer.toLowerCase(Locale.ROOT)) {
            case "sgd":
                return new OptimizerSpec.Sgd(rate(0.1));
            case "momentum":
                return new OptimizerSpec.Momentum(rate(0.1), momentum);
            case "nesterov":
                return new OptimizerSpec.Nesterov(rate(0.1), momentum);
            case "adagrad":
                return new OptimizerSpec.Adagrad(rate(0.01));
            case "rmsprop":
                return new OptimizerSpec.RmsProp(rate(0.001));
            case "adam":
                return new OptimizerSpec.Adam(rate(0.001));
            default:
                throw new OptionException("unknown optimizer '" + optimizer
                        + "', expected one of sgd, momentum, nesterov, adagrad, rmsprop, adam");
        }
    }

    private Augmentation augmentation() {
        Augmentation result = Augmentation.NONE;
        for (String part : augment.toLowerCase(Locale.ROOT).split(",", -1)) {
            switch (part.strip()) {
                case "none":
                    break;
                case "shift":
                    result = result.withShift(2);
                    break;
                case "rotate":
                    result = result.withRotation(15);
                    break;
                case "scale":
                    result = result.withScale(0.1);
                    break;
                case "elastic":
                    result = result.withElastic(34, 4);
                    break;
                default:
                    throw new OptionException("unknown augmentation '" + part
                            + "', expected none or a comma-separated list of shift, rotate, scale, elastic");
            }
        }
        return result;
    }

    private double rate(double fallback) {
        return learningRate == null ? fallback : learningRate;
    }

    private LearningRateSchedule scheduleSpec() {
        String[] parts = schedule.toLowerCase(Locale.ROOT).split(":", -1);
        LearningRateSchedule base;
        try {
            if (parts[0].equals("constant") && parts.length == 1) {
                base = new LearningRateSchedule.Constant();
            } else if (parts[0].equals("step") && parts.length == 3) {
                base = new LearningRateSchedule.StepDecay(Integer.parseInt(parts[1]), Double.parseDouble(parts[2]));
            } else if (parts[0].equals("cosine") && parts.length <= 2) {
                base = new LearningRateSchedule.Cosine(parts.length == 2 ? Double.parseDouble(parts[1]) : 0);
            } else {
                throw new OptionException("bad schedule '" + schedule
                        + "', expected constant, step:EVERY:FACTOR or cosine[:FINAL_FRACTION]");
            }
        } catch (NumberFormatException e) {
            throw new OptionException("bad number in schedule '" + schedule + "'");
        }
        if (!(warmup >= 0) || Double.isInfinite(warmup)) {
            throw new OptionException("--warmup must be a number of epochs >= 0, was " + warmup);
        }
        return warmup > 0 ? new LearningRateSchedule.Warmup(warmup, base) : base;
    }
}

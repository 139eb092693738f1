package io.github.perceptron.cli.train;

import io.github.perceptron.cli.common.OptionException;
import io.github.perceptron.cli.console.Console;
import io.github.perceptron.core.data.ValidationSplit;
import io.github.perceptron.core.train.EarlyStopping;
import io.github.perceptron.core.train.TrainingPlan;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code train}'s held-out images and early stopping: which images are held out, and when watching them stops the run. */
public final class ValidationOptions {

    /** The options here, which a resumed or data-parallel run refuses. */
    static final List<String> NAMES = List.of("--validation", "--patience", "--monitor", "--min-delta", "--restore-best");

    @Option(names = "--validation", paramLabel = "N|FRACTION",
            description = "Hold out N training images (6000), or a fraction of them (0.1), stratified by class and "
                    + "drawn with --seed; report on them each epoch. The test set is then used once, at the end.")
    String validation;

    @Option(names = "--patience", paramLabel = "N", defaultValue = "0",
            description = "Stop when the validation figure (--monitor) has not improved for N epochs, keeping the best "
                    + "epoch's weights (default: never). Holds out 10%% of the training images when --validation is "
                    + "not given: the test set is never watched.")
    int patience;

    @Option(names = "--monitor", paramLabel = "FIGURE", defaultValue = "accuracy",
            description = "What --patience watches on the validation images: accuracy or loss (default: ${DEFAULT-VALUE}).")
    String monitor;

    @Option(names = "--min-delta", paramLabel = "X", defaultValue = "0",
            description = "How much the watched figure must improve to count (accuracy as a fraction, loss in nats; "
                    + "default: ${DEFAULT-VALUE}).")
    double minDelta;

    @Option(names = "--restore-best", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "With --patience, end with the best epoch's weights (default); --no-restore-best keeps the last.")
    boolean restoreBest;

    /** The early stopping these options ask for, {@link EarlyStopping#NONE} without {@code --patience}. */
    EarlyStopping earlyStopping() {
        if (patience < 0) {
            throw new OptionException("--patience must be >= 0 epochs, was " + patience);
        }
        if (patience == 0) {
            return EarlyStopping.NONE;
        }
        EarlyStopping.Monitor watched;
        try {
            watched = EarlyStopping.Monitor.of(monitor);
        } catch (IllegalArgumentException e) {
            throw new OptionException("--monitor must be accuracy or loss, was '" + monitor + "'");
        }
        if (!(minDelta >= 0) || Double.isInfinite(minDelta)) {
            throw new OptionException("--min-delta must be a number >= 0, was " + minDelta);
        }
        return new EarlyStopping(watched, patience, minDelta, restoreBest);
    }

    /**
     * The images held out for validation: {@code --validation}'s count or fraction, or a tenth of
     * the training images when early stopping needs something to watch and none was given.
     */
    ValidationSplit split(TrainingPlan plan, Console console) {
        if (validation == null && plan.earlyStopping().isActive()) {
            console.err().println("perceptron: --patience watches held-out training images, never the test set: "
                    + "holding out 10% of them (give --validation to choose how many)");
            console.err().flush();
        }
        return split(plan);
    }

    /** As {@link #split(TrainingPlan, Console)}, without a word: for a committee's members after the first. */
    ValidationSplit split(TrainingPlan plan) {
        if (validation == null) {
            return plan.earlyStopping().isActive() ? ValidationSplit.stratifiedFraction(0.1, plan.seed())
                    : ValidationSplit.NONE;
        }
        return ValidationOption.parse(validation, plan.seed());
    }
}

package io.github.perceptron.cli.tune;

import io.github.perceptron.cli.common.OptionException;
import io.github.perceptron.cli.train.TrainingSettings;
import io.github.perceptron.cli.train.ValidationOption;
import io.github.perceptron.core.data.ValidationSplit;
import io.github.perceptron.core.train.EarlyStopping;
import io.github.perceptron.core.train.TrainingPlan;
import io.github.perceptron.core.tune.Dimension;
import io.github.perceptron.core.tune.SearchSpace;
import io.github.perceptron.core.tune.TuningResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * What {@code tune} searches and how it scores: the space ({@code --space}, {@code --param}), the
 * strategy and the number of trials, the time budget, and the held-out images or folds each trial
 * is scored on, with its patience. {@link #prepare} checks them all and builds every trial's plan
 * before any data is read.
 */
public final class SearchOptions {

    @Option(names = "--space", paramLabel = "FILE",
            description = "A JSON search space: {\"lr\": {\"log_uniform\": [0.01, 0.3]}, \"dropout\": [0, 0.2], "
                    + "\"layers\": [\"784,256,10\", \"784,512,10\"]}.")
    Path spaceFile;

    @Option(names = "--param", paramLabel = "NAME=VALUES",
            description = "A searched field, repeatable: lr=log:0.01:0.3, dropout=uniform:0:0.5 or layers=784,256,10|784,512,10 "
                    + "(added to --space, replacing a field of the same name).")
    List<String> params = new ArrayList<>();

    @Option(names = "--search", paramLabel = "KIND", defaultValue = "random",
            description = "random (seeded by --seed; default) or grid (every combination of listed values, in order).")
    String search;

    @Option(names = "--trials", paramLabel = "N", defaultValue = "12", description = "Trials at most (default: ${DEFAULT-VALUE}).")
    int trials;

    @Option(names = "--time-budget", paramLabel = "DURATION",
            description = "Start no trial after the trials have taken this long: 90s, 30m, 1h30m (default: none).")
    String timeBudget;

    @Option(names = "--validation", paramLabel = "N|FRACTION", defaultValue = "0.1",
            description = "The held-out training images each trial is scored on, stratified by class and drawn with "
                    + "--seed (default: ${DEFAULT-VALUE}).")
    String validation;

    @Option(names = "--folds", paramLabel = "K", defaultValue = "1",
            description = "Score each trial by K-fold cross-validation instead (for small datasets; K times the work).")
    int folds;

    @Option(names = "--patience", paramLabel = "N", defaultValue = "0",
            description = "Stop each trial when its validation accuracy has not improved for N epochs and score its best epoch.")
    int patience;


    /** A checked search, ready to run: {@code trialPlans} are the plans of {@code trials}, in order. */
    public record Search(SearchSpace space, List<Map<String, String>> trials, TrialPlans plans,
                         List<TrainingPlan> trialPlans, ValidationSplit split,
                         long seed, Duration budget) {
    }

    /**
     * Checks every option and builds every trial's plan on {@code base}, before any data is read:
     * a bad value is a usage error, never a failure part-way through a search.
     */
    Search prepare(TrainingSettings base, SearchFiles files) {
        if (trials < 1) {
            throw new OptionException("--trials must be at least 1, was " + trials);
        }
        if (folds < 1) {
            throw new OptionException("--folds must be at least 1 (2 or more for cross-validation), was " + folds);
        }
        if (patience < 0) {
            throw new OptionException("--patience must be >= 0 epochs, was " + patience);
        }
        SearchSpace space = space(files);
        SearchFields.check(space);
        long seed = base.seed();
        List<Map<String, String>> chosen;
        try {
            chosen = space.trials(strategy(), trials, seed);
        } catch (OptionException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            // The space and the strategy are the user's options (a grid over a range, say).
            throw new OptionException(e.getMessage(), e);
        }
        TrialPlans plans = new TrialPlans(base, patience > 0 ? EarlyStopping.onAccuracy(patience) : EarlyStopping.NONE);
        List<TrainingPlan> trialPlans = plans.plans(chosen);
        ValidationSplit split = ValidationOption.parse(validation, seed);
        if (folds == 1 && split.isNone()) {
            throw new OptionException("--validation must hold out images to score the trials on (the test set "
                    + "never is), or give --folds");
        }
        Duration budget = timeBudget == null ? null : TimeBudget.parse(timeBudget);
        return new Search(space, chosen, plans, trialPlans, split, seed, budget);
    }

    /** What makes a search the same search, for its journal: a search resumes only from its own. */
    String identity(Search search, String dataDigest) {
        return String.join("; ", "data " + dataDigest, "fields " + search.space(), "search " + this.search,
                "trials " + trials, "seed " + search.seed(), "validation " + search.split(), "folds " + folds,
                "base " + search.plans().base().arguments(), "patience " + patience);
    }

    /** The winner as {@code train} options: with retraining, for the epochs it kept and without early stopping. */
    List<String> winnerArguments(TrialPlans plans, TuningResult result) {
        List<String> arguments = new ArrayList<>(plans.base().with(result.best().params())
                .with("epochs", Integer.toString(result.winnerPlan().epochs())).arguments());
        if (result.winnerPlan().earlyStopping().isActive()) {
            arguments.addAll(List.of("--validation", validation, "--patience", Integer.toString(patience)));
        }
        return arguments;
    }

    /** The space file, to be kept apart from the outputs; null when none is given. */
    Path spaceFile() {
        return spaceFile;
    }

    /** The time budget as given, for the report. */
    String budgetText() {
        return timeBudget == null ? "none" : timeBudget;
    }

    /** The validation option as given, which trials shipped elsewhere parse again. */
    String validation() {
        return validation;
    }

    int folds() {
        return folds;
    }

    private SearchSpace space(SearchFiles files) {
        Map<String, Dimension> dimensions = new LinkedHashMap<>();
        if (spaceFile != null) {
            dimensions.putAll(files.space(spaceFile).dimensions());
        }
        for (String param : params) {
            Map.Entry<String, Dimension> field = SearchFields.parse(param);
            dimensions.put(field.getKey(), field.getValue());
        }
        return dimensions.isEmpty() ? SearchFields.DEFAULT : new SearchSpace(dimensions);
    }

    private SearchSpace.Strategy strategy() {
        return switch (search.toLowerCase(Locale.ROOT)) {
            case "random" -> SearchSpace.Strategy.RANDOM;
            case "grid" -> SearchSpace.Strategy.GRID;
            default -> throw new OptionException("--search must be random or grid, was '" + search + "'");
        };
    }
}

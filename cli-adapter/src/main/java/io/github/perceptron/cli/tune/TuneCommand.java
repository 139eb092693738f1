package io.github.perceptron.cli.tune;

import io.github.perceptron.cli.common.CommandFailure;
import io.github.perceptron.cli.common.OptionException;
import io.github.perceptron.cli.common.PlanCodec;
import io.github.perceptron.cli.common.UseCases;
import io.github.perceptron.cli.console.Console;
import io.github.perceptron.cli.data.DatasetOptions;
import io.github.perceptron.cli.files.FileOutput;
import io.github.perceptron.cli.train.RescuingSave;
import io.github.perceptron.cli.train.TrainingOptions;
import io.github.perceptron.cli.train.TrainingSettings;
import io.github.perceptron.cli.train.ValidationOption;
import io.github.perceptron.core.data.DatasetSource;
import io.github.perceptron.core.data.Split;
import io.github.perceptron.core.data.ValidationSplit;
import io.github.perceptron.core.model.ModelStore;
import io.github.perceptron.core.train.EarlyStopping;
import io.github.perceptron.core.train.TrainingPlan;
import io.github.perceptron.core.tune.Dimension;
import io.github.perceptron.core.tune.SearchSpace;
import io.github.perceptron.core.tune.TuningRequest;
import io.github.perceptron.core.tune.TuningResult;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code perceptron tune}: search training settings on held-out training images, then train the
 * winner and test it once. Writes the report, every trial as CSV, a plot, the winning model and a
 * journal that lets a killed search resume.
 */
@Command(name = "tune", mixinStandardHelpOptions = true, sortOptions = false, defaultValueProvider = TuneCommand.Defaults.class,
        description = {"Search training settings on held-out training images (never the test set), then train the "
                + "winner and test it once.",
            "Searched fields are train's options without the dashes (lr, momentum, l2, dropout, layers, activation, "
                + "optimizer, batch, epochs, augment, ...); the other training options set every trial. Without "
                + "--space or --param it searches lr, dropout and layers."})
public final class TuneCommand implements Callable<Integer> {

    /** Trials are shorter than a full run: ten epochs unless --epochs says otherwise. */
    static final String TRIAL_EPOCHS = "10";

    private final ModelStore store;
    private final Console console;
    private final UseCases useCases;
    private final TrialRunners places;
    private final SearchFiles searchFiles;
    private final FileOutput output;
    private final PlanCodec codec;

    @Mixin
    public DatasetOptions dataset;

    @Mixin
    public TrainingOptions training;

    @Spec
    CommandSpec spec;

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

    @Option(names = "--parallel-trials", paramLabel = "N", defaultValue = "1",
            description = "Run N trials at once, sharing --threads between them (default: ${DEFAULT-VALUE}). "
                    + "Faster for small networks, whose products gain little from a second thread; "
                    + "the results are the same for any N.")
    int parallelTrials;

    @Option(names = "--master", paramLabel = "URL",
            description = "Run the trials as Spark tasks on this cluster: local[*], spark://host:port, yarn, k8s://... "
                    + "(perceptron-spark only; the data must be at the same path on every executor). The results are "
                    + "those of a run here.")
    String master;

    @Option(names = "--retrain", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Train the winner again on every training image before its one test (default); "
                    + "--no-retrain tests the trial's own model. Always on with --folds.")
    boolean retrain;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where the report, trials.csv, scores.png, model.json and the journal go (default: tune/<dataset>).")
    Path out;

    @Option(names = "--json", description = "Print one JSON object per line: a trial event per trial, then a done event.")
    boolean json;

    @Option(names = {"-q", "--quiet"}, description = "Print only the result.")
    boolean quiet;

    /** Tune's own default for train's options: shorter trials. */
    static final class Defaults implements IDefaultValueProvider {
        @Override
        public String defaultValue(ArgSpec argument) {
            return argument instanceof OptionSpec option && option.longestName().equals("--epochs") ? TRIAL_EPOCHS : null;
        }
    }

    @Inject
    TuneCommand(ModelStore store, Console console, UseCases useCases, TrialRunners places, SearchFiles searchFiles,
                FileOutput output, PlanCodec codec) {
        this.store = store;
        this.codec = codec;
        this.searchFiles = searchFiles;
        this.output = output;
        this.console = console;
        this.useCases = useCases;
        this.places = places;
    }

    @Override
    public Integer call() throws IOException {
        Search prepared = prepare();
        Path directory = out != null ? out : Path.of("tune", dataset.data != null ? "data" : dataset.known().id());
        TuneOutputs files = new TuneOutputs(directory);
        files.check(dataset, spaceFile);
        DatasetSource source = dataset.open(quiet || json);
        files.create();
        // The data by its content, not its path: a moved cache still resumes, other data never does.
        String data = source.load(Split.TRAIN).contentDigest();
        String searchIdentity = String.join("; ", "data " + data, "fields " + prepared.space(), "search " + search,
                "trials " + trials, "seed " + prepared.seed(), "validation " + prepared.split(), "folds " + folds,
                "base " + prepared.plans().base().arguments(), "patience " + patience);
        List<TrainingPlan> plans = prepared.plans().plans(prepared.trials());
        TuningRequest request = new TuningRequest(prepared.trials(), plans, prepared.split(), folds, prepared.budget(), retrain);
        TrialRecipe recipe = new TrialRecipe(prepared.trials(), plans.stream().map(codec::write).toList(), codec, validation,
                prepared.seed(), folds, dataset.location(), data, 1);
        TuningResult result;
        try (TrialRunners.Placement placement = places.open(master, parallelTrials, recipe)) {
            result = useCases.tuning(source, training.threads(), placement.runner())
                    .tune(request, searchFiles.journal(files.journal, searchIdentity), new TuningProgress(console, json, quiet));
        }

        new RescuingSave(store).save(result.winner().model(), files.model);
        TuningReport report = new TuningReport(output, prepared.space(), result, "perceptron tune " + String.join(" ", commandLine()),
                dataset.name(), timeBudget == null ? "none" : timeBudget, dataset.asArguments().strip(),
                winnerArguments(prepared.plans(), result));
        report.writeCsv(files.csv);
        report.writePlot(files.plot);
        report.writeMarkdown(files.report, files.plot);
        new TuningSummary(console, json).print(result, files);
        return 0;
    }

    /**
     * Checks every option and builds every trial's plan, before any data is read: a bad value is
     * a usage error, never a failure part-way through a search.
     */
    public Search prepare() {
        if (trials < 1) {
            throw new OptionException("--trials must be at least 1, was " + trials);
        }
        if (folds < 1) {
            throw new OptionException("--folds must be at least 1 (2 or more for cross-validation), was " + folds);
        }
        if (patience < 0) {
            throw new OptionException("--patience must be >= 0 epochs, was " + patience);
        }
        if (parallelTrials < 1 || parallelTrials > 64) {
            throw new OptionException("--parallel-trials must be in 1..64, was " + parallelTrials);
        }
        places.check(master);
        SearchSpace space = space();
        SearchFields.check(space);
        TrainingSettings base = training.settings();
        if (!base.given().containsKey("epochs")) {
            base = base.with("epochs", TRIAL_EPOCHS);
        }
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
        plans.plans(chosen);
        ValidationSplit split = ValidationOption.parse(validation, seed);
        if (folds == 1 && split.isNone()) {
            throw new OptionException("--validation must hold out images to score the trials on (the test set "
                    + "never is), or give --folds");
        }
        Duration budget = timeBudget == null ? null : TimeBudget.parse(timeBudget);
        return new Search(space, chosen, plans, split, seed, budget);
    }

    /** A checked search, ready to run. */
    public record Search(SearchSpace space, List<Map<String, String>> trials, TrialPlans plans, ValidationSplit split,
                         long seed, Duration budget) {
    }

    private SearchSpace space() {
        Map<String, Dimension> dimensions = new LinkedHashMap<>();
        if (spaceFile != null) {
            dimensions.putAll(searchFiles.space(spaceFile).dimensions());
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

    /** The winner as {@code train} options: with retraining, for the epochs it kept and without early stopping. */
    private List<String> winnerArguments(TrialPlans plans, TuningResult result) {
        List<String> arguments = new ArrayList<>(plans.base().with(result.best().params())
                .with("epochs", Integer.toString(result.winnerPlan().epochs())).arguments());
        if (result.winnerPlan().earlyStopping().isActive()) {
            arguments.addAll(List.of("--validation", validation, "--patience", Integer.toString(patience)));
        }
        return arguments;
    }

    /** The arguments as typed after {@code tune}. */
    private List<String> commandLine() {
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        int at = args.indexOf(spec.name());
        return at >= 0 ? args.subList(at + 1, args.size()) : args;
    }
}

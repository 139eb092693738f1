package io.github.perceptron.cli.tune;

import io.github.perceptron.cli.common.OptionException;
import io.github.perceptron.cli.common.PlanCodec;
import io.github.perceptron.cli.common.UseCases;
import io.github.perceptron.cli.console.Console;
import io.github.perceptron.cli.data.DatasetOptions;
import io.github.perceptron.cli.files.FileOutput;
import io.github.perceptron.cli.train.RescuingSave;
import io.github.perceptron.cli.train.TrainingOptions;
import io.github.perceptron.cli.train.TrainingSettings;
import io.github.perceptron.core.data.DatasetSource;
import io.github.perceptron.core.data.Split;
import io.github.perceptron.core.model.ModelStore;
import io.github.perceptron.core.train.TrainingPlan;
import io.github.perceptron.core.tune.TuningRequest;
import io.github.perceptron.core.tune.TuningResult;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

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

    @Mixin
    SearchOptions searching;

    @Spec
    CommandSpec spec;

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
        SearchOptions.Search prepared = prepare();
        Path directory = out != null ? out : Path.of("tune", dataset.data != null ? "data" : dataset.known().id());
        TuneOutputs files = new TuneOutputs(directory);
        files.check(dataset, searching.spaceFile());
        DatasetSource source = dataset.open(quiet || json);
        files.create();
        try (SearchFiles.Lock held = searchFiles.lock(files.directory, notice -> console.err().println("perceptron: " + notice))) {
            // The data by its content, not its path: a moved cache still resumes, other data never does.
            String data = source.load(Split.TRAIN).contentDigest();
            List<TrainingPlan> plans = prepared.trialPlans();
            TuningRequest request = new TuningRequest(prepared.trials(), plans, prepared.split(), searching.folds(),
                    prepared.budget(), retrain);
            TrialRecipe recipe = new TrialRecipe(prepared.trials(), plans.stream().map(codec::write).toList(), codec,
                    searching.validation(), prepared.seed(), searching.folds(), dataset.location(), data, 1);
            TuningResult result;
            try (TrialRunners.Placement placement = places.open(master, parallelTrials, recipe)) {
                result = useCases.tuning(source, training.threads(), placement.runner()).tune(request,
                        searchFiles.journal(files.journal, searching.identity(prepared, data)),
                        new TuningProgress(console, json, quiet));
            }

            new RescuingSave(store).save(result.winner().model(), files.model);
            TuningReport report = new TuningReport(output, prepared.space(), result, "perceptron tune " + String.join(" ", commandLine()),
                    dataset.name(), searching.budgetText(), dataset.asArguments().strip(),
                    searching.winnerArguments(prepared.plans(), result));
            report.writeCsv(files.csv);
            report.writePlot(files.plot);
            report.writeMarkdown(files.report, files.plot);
            new TuningSummary(console, json).print(result, files);
        }
        return 0;
    }

    /**
     * Checks every option and builds every trial's plan, before any data is read: a bad value is
     * a usage error, never a failure part-way through a search.
     */
    public SearchOptions.Search prepare() {
        if (parallelTrials < 1 || parallelTrials > 64) {
            throw new OptionException("--parallel-trials must be in 1..64, was " + parallelTrials);
        }
        places.check(master);
        if (master != null && parallelTrials != 1) {
            throw new OptionException("--parallel-trials runs trials side by side on this machine; with --master, Spark "
                    + "places every trial as a task of its own: give one or the other");
        }
        TrainingSettings base = training.settings();
        return searching.prepare(base.given().containsKey("epochs") ? base : base.with("epochs", TRIAL_EPOCHS),
                searchFiles);
    }

    /** The arguments as typed after {@code tune}. */
    private List<String> commandLine() {
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        int at = args.indexOf(spec.name());
        return at >= 0 ? args.subList(at + 1, args.size()) : args;
    }
}

package io.github.perceptron.cli.compare;

import io.github.perceptron.cli.common.CompareRunners;
import io.github.perceptron.cli.common.ModelCodec;
import io.github.perceptron.cli.common.OptionException;
import io.github.perceptron.cli.common.PlanCodec;
import io.github.perceptron.cli.console.Console;
import io.github.perceptron.cli.data.DatasetOptions;
import io.github.perceptron.cli.files.FileOutput;
import io.github.perceptron.cli.files.OutputChecks;
import io.github.perceptron.cli.train.TrainingSettings;
import io.github.perceptron.core.data.DatasetSource;
import io.github.perceptron.core.data.LabelledImages;
import io.github.perceptron.core.data.Split;
import io.github.perceptron.core.model.Model;
import io.github.perceptron.core.train.TrainingPlan;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code perceptron compare}: trains a preset's configurations over several seeds and writes a
 * report answering "did this change help?": a Markdown table, every epoch as CSV, and plots.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Train a preset's configurations over several seeds and report accuracy and convergence.")
public final class CompareCommand implements Callable<Integer> {

    private final Console console;
    private final CompareRunners places;
    private final FileOutput files;
    private final PlanCodec codec;
    private final ModelCodec models;

    @Option(names = "--preset", paramLabel = "NAME", defaultValue = "seed-tasks",
            description = "The configurations to compare (default: ${DEFAULT-VALUE}: the lab's tasks).")
    String preset;

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "3", description = "Seeds per configuration (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--epochs", paramLabel = "N", description = "Epochs per run (default: the preset's: 30 for seed-tasks, 200 for best).")
    Integer epochs;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "reports/compare",
            description = "Directory for results.csv and the plots (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--report", paramLabel = "FILE", description = "The Markdown report (default: DIR/report.md).")
    Path report;

    @Option(names = "--master", paramLabel = "URL",
            description = "Train the runs as Spark tasks on this cluster: local[*], spark://host:port, yarn, k8s://... "
                    + "(perceptron-spark only; the data must be at the same path on every executor). The results are "
                    + "those of a run here.")
    String master;

    @Option(names = "--committee",
            description = "Also make each configuration's networks, one per seed, into a committee (the mean of their "
                    + "probabilities) and report its test accuracy against its best member's.")
    boolean committee;

    @Mixin
    DatasetOptions dataset;

    @Inject
    CompareCommand(Console console, CompareRunners places, FileOutput files, PlanCodec codec, ModelCodec models) {
        this.models = models;
        this.console = console;
        this.codec = codec;
        this.files = files;
        this.places = places;
    }

    @Override
    public Integer call() throws IOException {
        ComparePreset chosen = ComparePreset.fromId(preset);
        int runEpochs = epochs != null ? epochs : chosen.defaultEpochs();
        if (seeds < 1 || runEpochs < 1) {
            throw new OptionException("--seeds and --epochs must be at least 1");
        }
        if (committee && (seeds < 2 || seeds > Model.MAX_MEMBERS)) {
            throw new OptionException("--committee makes a committee of the seeds' networks: it needs --seeds from 2 to "
                    + Model.MAX_MEMBERS + ", not " + seeds);
        }
        Path markdown = report != null ? report : out.resolve("report.md");
        OutputChecks outputs = new OutputChecks(dataset.inputs());
        for (String file : List.of("results.csv", "accuracy.png", "loss.png")) {
            outputs.add("--out", out.resolve(file));
        }
        outputs.add("--report", markdown);
        places.check(master);
        DatasetSource opened = dataset.open(false);
        // Both splits read once for every run here; wherever the runs go (spark-submit may send them
        // without --master), they check the data by these digests.
        LabelledImages train = opened.load(Split.TRAIN);
        LabelledImages test = opened.load(Split.TEST);
        DatasetSource source = new DatasetSource() {
            @Override
            public LabelledImages load(Split split) {
                return split == Split.TRAIN ? train : test;
            }

            @Override
            public String describe() {
                return opened.describe();
            }
        };
        String digest = train.contentDigest();
        String testDigest = test.contentDigest();
        List<ComparePreset.Run> configurations = new ArrayList<>();
        List<CompareRun> runs = new ArrayList<>();
        for (ComparePreset.Run run : chosen.runs()) {
            for (int seed = 1; seed <= seeds; seed++) {
                configurations.add(run);
                runs.add(new CompareRun(runs.size(), codec.write(plan(run, seed, runEpochs)), codec, dataset.location(), digest,
                        testDigest, committee ? models : null, source));
            }
        }
        List<ComparisonReport.Result> results = new ArrayList<>();
        Map<Integer, CompareRun.Outcome> outcomes = new LinkedHashMap<>();
        places.runAll(master, runs, outcome -> {
            if (committee) {
                outcomes.put(outcome.index(), outcome);
            }
            ComparePreset.Run run = configurations.get(outcome.index());
            int seed = outcome.index() % seeds + 1;
            console.out().printf(Locale.ROOT, "%-32s seed %d: test accuracy %.2f%%%n", run.name(), seed,
                    100 * outcome.testAccuracy());
            console.out().flush();
            results.add(new ComparisonReport.Result(run, seed, outcome.history()));
        });
        Map<ComparePreset.Run, SeedCommittee> committees = new LinkedHashMap<>();
        if (committee) {
            for (int first = 0; first < runs.size(); first += seeds) {
                ComparePreset.Run run = configurations.get(first);
                SeedCommittee made = committeeOf(outcomes, first, test);
                committees.put(run, made);
                console.out().printf(Locale.ROOT, "%-32s committee of %d seeds: test accuracy %s%n", run.name(), seeds,
                        made.summary());
            }
        }
        new ComparisonReport(files, chosen, results, dataset.name(), runEpochs, seeds, committees).write(out, markdown);
        console.out().println("report written to " + markdown);
        return 0;
    }

    /** The networks of runs {@code first} to {@code first + seeds - 1} (one configuration's seeds), as a committee. */
    private SeedCommittee committeeOf(Map<Integer, CompareRun.Outcome> outcomes, int first, LabelledImages test) {
        List<Model> members = new ArrayList<>();
        List<Double> accuracies = new ArrayList<>();
        for (int index = first; index < first + seeds; index++) {
            CompareRun.Outcome outcome = outcomes.get(index);
            members.add(models.read(outcome.model()));
            accuracies.add(outcome.testAccuracy());
        }
        return SeedCommittee.of(members, accuracies, test);
    }

    /** A run's plan: the preset's options on the defaults, then the seed and the epochs; a bad option fails here, before anything trains. */
    private static TrainingPlan plan(ComparePreset.Run run, int seed, int epochs) {
        return TrainingSettings.DEFAULTS.withArguments(run.options()).with("seed", Integer.toString(seed))
                .with("epochs", Integer.toString(epochs)).plan();
    }
}

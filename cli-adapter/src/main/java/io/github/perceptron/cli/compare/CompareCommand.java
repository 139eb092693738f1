package io.github.perceptron.cli.compare;

import io.github.perceptron.cli.common.Console;
import io.github.perceptron.cli.common.DatasetOptions;
import io.github.perceptron.cli.common.OutputLocation;
import io.github.perceptron.cli.train.TrainingOptions;
import io.github.perceptron.core.data.DatasetSource;
import io.github.perceptron.core.train.EpochReport;
import io.github.perceptron.core.train.TrainingListener;
import io.github.perceptron.core.train.TrainingPlan;
import io.github.perceptron.core.usecase.TrainModel;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
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
    private final Clock clock;

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

    @Mixin
    DatasetOptions dataset;

    @Inject
    CompareCommand(Console console, Clock clock) {
        this.console = console;
        this.clock = clock;
    }

    @Override
    public Integer call() throws IOException {
        ComparePreset chosen = ComparePreset.fromId(preset);
        int runEpochs = epochs != null ? epochs : chosen.defaultEpochs();
        if (seeds < 1 || runEpochs < 1) {
            throw new IllegalArgumentException("--seeds and --epochs must be at least 1");
        }
        Path markdown = report != null ? report : out.resolve("report.md");
        OutputLocation outputs = new OutputLocation(dataset.inputs());
        for (String file : List.of("results.csv", "accuracy.png", "loss.png")) {
            outputs.add("--out", out.resolve(file));
        }
        outputs.add("--report", markdown);
        DatasetSource source = dataset.open(false);
        List<ComparisonReport.Result> results = new ArrayList<>();
        for (ComparePreset.Run run : chosen.runs()) {
            for (int seed = 1; seed <= seeds; seed++) {
                TrainingOptions options = options(run, seed, runEpochs);
                TrainingPlan plan = options.plan();
                List<EpochReport> history = new ArrayList<>();
                TrainingListener collect = new TrainingListener() {
                    @Override
                    public void epochCompleted(EpochReport report) {
                        history.add(report);
                    }
                };
                double accuracy = new TrainModel(source, collect, clock, options.execution()).train(plan).test().accuracy();
                console.out().printf(Locale.ROOT, "%-32s seed %d: test accuracy %.2f%%%n", run.name(), seed, 100 * accuracy);
                console.out().flush();
                results.add(new ComparisonReport.Result(run, seed, history));
            }
        }
        new ComparisonReport(chosen, results, dataset.name(), runEpochs, seeds).write(out, markdown);
        console.out().println("report written to " + markdown);
        return 0;
    }

    /** A run is the preset's base options followed by its changes, the seed and the epochs. */
    private static TrainingOptions options(ComparePreset.Run run, int seed, int epochs) {
        List<String> args = new ArrayList<>(run.options());
        args.addAll(List.of("--seed", Integer.toString(seed), "--epochs", Integer.toString(epochs)));
        return TrainingOptions.parse(args);
    }
}

package io.github.perceptron.cli;

import io.github.perceptron.core.data.DatasetSource;
import io.github.perceptron.core.model.ModelStore;
import io.github.perceptron.core.train.EpochReport;
import io.github.perceptron.core.train.TrainingListener;
import io.github.perceptron.core.train.TrainingPlan;
import io.github.perceptron.core.usecase.TrainModel;
import io.github.perceptron.core.usecase.TrainedModel;
import io.github.perceptron.dataset.DatasetFetcher;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code perceptron train}: fetch if needed, train, report test accuracy, save the model. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train a network, report its test accuracy and save it.")
final class TrainCommand implements Callable<Integer> {

    private final DatasetFetcher fetcher;
    private final ModelStore store;
    private final Environment environment;
    private final Console console;
    private final Clock clock;

    @Mixin
    DatasetOptions dataset;

    @Mixin
    TrainingOptions training;

    @Option(names = "--validation", paramLabel = "N", defaultValue = "0",
            description = "Hold out the last N training images and report on them each epoch; the test set is used once, at the end.")
    int validation;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Where to save the model (default: models/<dataset>.json).")
    Path out;

    @Option(names = "--json", description = "Print one JSON object per line: an epoch event per epoch, then a done event.")
    boolean json;

    @Option(names = {"-q", "--quiet"}, description = "Print only the final result.")
    boolean quiet;

    @Inject
    TrainCommand(DatasetFetcher fetcher, ModelStore store, Environment environment, Console console, Clock clock) {
        this.fetcher = fetcher;
        this.store = store;
        this.environment = environment;
        this.console = console;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        TrainingPlan plan = training.plan();
        Path target = out != null ? out : Path.of("models", (dataset.data != null ? "model" : dataset.known().id()) + ".json");
        DatasetSource source = dataset.open(fetcher, environment, console, quiet || json);
        String evaluatedOn = validation > 0 ? "validation" : "test";
        TrainingReporter reporter = json ? new JsonTrainingReporter(console.out(), evaluatedOn)
                : new ConsoleTrainingReporter(console, quiet, evaluatedOn);
        reporter.started(plan, source.describe());
        TrainedModel trained = new TrainModel(source, reporter, clock).train(plan, validation);
        store.save(trained.model(), target);
        reporter.finished(trained, target);
        return 0;
    }

    /** A training listener that also reports the start and the outcome. */
    interface TrainingReporter extends TrainingListener {
        void started(TrainingPlan plan, String dataset);

        void finished(TrainedModel trained, Path savedTo);
    }

    static double medianSeconds(java.util.List<EpochReport> history) {
        double[] seconds = history.stream().mapToDouble(EpochReport::seconds).sorted().toArray();
        int n = seconds.length;
        return n % 2 == 1 ? seconds[n / 2] : (seconds[n / 2 - 1] + seconds[n / 2]) / 2;
    }
}

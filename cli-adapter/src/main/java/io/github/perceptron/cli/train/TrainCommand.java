package io.github.perceptron.cli.train;

import io.github.perceptron.cli.chart.TrainingChart;
import io.github.perceptron.cli.common.CommandFailure;
import io.github.perceptron.cli.common.Console;
import io.github.perceptron.cli.common.DatasetOptions;
import io.github.perceptron.cli.common.Environment;
import io.github.perceptron.cli.common.OutputLocation;
import io.github.perceptron.cli.common.ShellWords;
import io.github.perceptron.core.checkpoint.CheckpointPolicy;
import io.github.perceptron.core.checkpoint.CheckpointStore;
import io.github.perceptron.core.checkpoint.TrainingCheckpoint;
import io.github.perceptron.core.data.DatasetSource;
import io.github.perceptron.core.model.ModelStore;
import io.github.perceptron.core.train.DivergenceException;
import io.github.perceptron.core.train.TrainingListener;
import io.github.perceptron.core.train.TrainingPlan;
import io.github.perceptron.core.usecase.TrainModel;
import io.github.perceptron.core.usecase.TrainedModel;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code perceptron train}: fetch if needed, train, report test accuracy, save the model. Ctrl-C
 * stops after the current epoch with a checkpoint and exit code 130.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train a network, report its test accuracy and save it.")
public final class TrainCommand implements Callable<Integer> {

    private final ModelStore store;
    private final CheckpointStore checkpoints;
    private final Environment environment;
    private final Console console;
    private final Clock clock;
    private final Interrupts.Source signals;

    @Mixin
    public DatasetOptions dataset;

    @Mixin
    public TrainingOptions training;

    @Spec
    CommandSpec spec;

    @Option(names = "--validation", paramLabel = "N", defaultValue = "0",
            description = "Hold out the last N training images and report on them each epoch; the test set is used once, at the end.")
    int validation;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Where to save the model (default: models/<dataset>.json).")
    Path out;

    @Option(names = "--checkpoint-every", paramLabel = "N", defaultValue = "0",
            description = "Save a checkpoint every N epochs and at the end (default: never).")
    int checkpointEvery;

    @Option(names = "--checkpoint", paramLabel = "FILE",
            description = "Where checkpoints go (default: the model file with .checkpoint.json).")
    Path checkpoint;

    @Option(names = "--resume", paramLabel = "FILE",
            description = "Continue a run from its checkpoint, with the plan it was started with.")
    Path resume;

    @Option(names = "--patience", paramLabel = "N", defaultValue = "0",
            description = "Stop when the per-epoch accuracy (validation with --validation, else test) has not improved "
                    + "for N epochs (default: never).")
    int patience;

    @Option(names = "--plot", paramLabel = "FILE",
            description = "Draw loss and accuracy per epoch, training against held-out data, as PNG (or SVG for *.svg).")
    Path plot;

    @Option(names = "--json", description = "Print one JSON object per line: an epoch event per epoch, then a done event.")
    boolean json;

    @Option(names = {"-q", "--quiet"}, description = "Print only the final result.")
    boolean quiet;

    @Inject
    TrainCommand(ModelStore store, CheckpointStore checkpoints, Environment environment,
                 Console console, Clock clock, Interrupts.Source signals) {
        this.store = store;
        this.checkpoints = checkpoints;
        this.environment = environment;
        this.console = console;
        this.clock = clock;
        this.signals = signals;
    }

    @Override
    public Integer call() throws IOException {
        if (patience < 0) {
            throw new IllegalArgumentException("--patience must be >= 0 epochs, was " + patience);
        }
        if (resume != null) {
            refuseOptionsAResumeIgnores();
        }
        TrainingCheckpoint resumed = resume == null ? null : checkpoints.load(resume);
        TrainingPlan plan = resumed == null ? training.plan() : resumed.plan();
        int held = resumed == null ? validation : resumed.validationSize();
        Path target = out != null ? out : Path.of("models", (dataset.data != null ? "model" : dataset.known().id()) + ".json");
        Path checkpointFile = checkpointPath(target);
        checkOutputs(target, checkpointFile);
        DatasetSource source = dataset.open(quiet || json);
        String evaluatedOn = held > 0 ? "validation" : "test";
        Interrupts interrupts = signals.open(console.err());
        StopControl control = new StopControl(reporter(evaluatedOn), interrupts, patience);
        control.started(plan, source.describe());
        TrainedModel trained = train(source, control, plan, held, resumed, checkpointFile);
        if (trained.stoppedEarly() && control.interrupted()) {
            printResumeHint(trained, checkpointFile);
            return interrupts.exitCode();
        }
        new RescuingSave(store).save(trained.model(), target);
        if (plot != null) {
            new TrainingChart(trained.history(), "perceptron " + plan.network().sizes() + " on " + source.describe(),
                    evaluatedOn).write(plot);
        }
        control.finished(trained, target);
        return 0;
    }

    /** Every file this run writes, checked before any data is read: see {@link OutputLocation}. */
    private void checkOutputs(Path target, Path checkpointFile) {
        OutputLocation outputs = new OutputLocation(dataset.inputs());
        if (resume != null) {
            outputs.alsoReads(resume);
        }
        outputs.add("--out", target).add("--checkpoint", checkpointFile, resume);
        if (plot != null) {
            outputs.add("--plot", plot);
        }
    }

    private TrainingReporter reporter(String evaluatedOn) {
        return json ? new JsonTrainingReporter(console.out(), evaluatedOn)
                : new ConsoleTrainingReporter(console, quiet, evaluatedOn, ConsoleTrainingReporter.columns(environment.variables()));
    }

    /** Trains afresh or resumes; a diverged run names the last checkpoint it left. */
    private TrainedModel train(DatasetSource source, StopControl control, TrainingPlan plan, int held,
                               TrainingCheckpoint resumed, Path checkpointFile) {
        // Checkpoints are always on for an interrupt; --checkpoint-every adds regular ones.
        CheckpointPolicy policy = new CheckpointPolicy(checkpoints, checkpointFile, checkpointEvery);
        TrainModel trainer = new TrainModel(source, control, clock, training.execution());
        Instant started = clock.instant();
        try {
            return resumed == null ? trainer.train(plan, held, policy) : trainer.resume(resumed, policy);
        } catch (DivergenceException e) {
            throw new CommandFailure(e.getMessage() + lastCheckpointSince(checkpointFile, started));
        }
    }

    private void printResumeHint(TrainedModel trained, Path checkpointFile) {
        console.err().println("perceptron: stopped after epoch " + trained.model().metadata().epochs()
                + "; checkpoint saved to " + checkpointFile + "; resume with: perceptron train --resume "
                + ShellWords.quote(checkpointFile) + dataset.asArguments()
                + (out != null ? " -o " + ShellWords.quote(out) : "")
                + (checkpoint != null ? " --checkpoint " + ShellWords.quote(checkpoint) : ""));
    }

    /**
     * A resumed run follows the checkpoint's plan to the letter (that is what makes it bit-identical),
     * so an option that would change the plan is refused rather than silently ignored. --threads
     * changes only speed and is applied.
     */
    private void refuseOptionsAResumeIgnores() {
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        List<String> ignored = new ArrayList<>();
        for (CommandLine.Model.OptionSpec option : spec.mixins().get("training").options()) {
            if (parsed.hasMatchedOption(option) && !option.longestName().equals("--threads")) {
                ignored.add(option.longestName());
            }
        }
        if (parsed.hasMatchedOption("--validation")) {
            ignored.add("--validation");
        }
        if (!ignored.isEmpty()) {
            throw new IllegalArgumentException(String.join(", ", ignored) + (ignored.size() == 1 ? " does" : " do")
                    + " not apply with --resume, which continues the checkpoint's own plan; to train another plan, "
                    + "start a new run without --resume");
        }
    }

    /** Where the last good state is, when regular checkpoints were saved before the loss exploded. */
    private String lastCheckpointSince(Path file, Instant started) {
        try {
            if (checkpointEvery == 0 || !Files.exists(file) || Files.getLastModifiedTime(file).toInstant().isBefore(started)) {
                return "";
            }
            return "; the last checkpoint before it, from epoch " + checkpoints.load(file).progress().epoch() + ", is "
                    + file;
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private Path checkpointPath(Path model) {
        if (checkpoint != null) {
            return checkpoint;
        }
        String name = model.getFileName().toString();
        String stem = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        return model.resolveSibling(stem + ".checkpoint.json");
    }

    /** A training listener that also reports the start and the outcome. */
    interface TrainingReporter extends TrainingListener {
        void started(TrainingPlan plan, String dataset);

        void finished(TrainedModel trained, Path savedTo);
    }

}

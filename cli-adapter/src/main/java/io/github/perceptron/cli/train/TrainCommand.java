package io.github.perceptron.cli.train;

import io.github.perceptron.cli.chart.TrainingChart;
import io.github.perceptron.cli.common.CommandFailure;
import io.github.perceptron.cli.common.Console;
import io.github.perceptron.cli.common.DatasetOptions;
import io.github.perceptron.cli.common.Environment;
import io.github.perceptron.cli.common.FileOutput;
import io.github.perceptron.cli.common.OptionException;
import io.github.perceptron.cli.common.OutputLocation;
import io.github.perceptron.cli.common.PlanCodec;
import io.github.perceptron.cli.common.ShellWords;
import io.github.perceptron.core.data.DatasetSource;
import io.github.perceptron.core.data.ValidationSplit;
import io.github.perceptron.core.model.Host;
import io.github.perceptron.core.model.ModelStore;
import io.github.perceptron.core.parallel.ShardRunner;
import io.github.perceptron.core.train.CheckpointPolicy;
import io.github.perceptron.core.train.CheckpointStore;
import io.github.perceptron.core.train.DivergenceException;
import io.github.perceptron.core.train.EarlyStopping;
import io.github.perceptron.core.train.Execution;
import io.github.perceptron.core.train.StopReason;
import io.github.perceptron.core.train.TrainingCheckpoint;
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
    private final ShardPlaces shardPlaces;
    private final FileOutput output;
    private final PlanCodec codec;

    @Mixin
    public DatasetOptions dataset;

    @Mixin
    public TrainingOptions training;

    @Spec
    CommandSpec spec;

    @Option(names = "--validation", paramLabel = "N|FRACTION",
            description = "Hold out N training images (6000), or a fraction of them (0.1), stratified by class and "
                    + "drawn with --seed; report on them each epoch. The test set is then used once, at the end.")
    String validation;

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

    @Option(names = "--shards", paramLabel = "P",
            description = "Data-parallel training by parameter averaging: the training images in P contiguous shards, "
                    + "each training --local-steps mini-batches from the same weights before they are averaged (in shard "
                    + "order, in double). The same P and K give the same bits wherever the shards run; P = 1 is ordinary "
                    + "training. No --validation, --patience or checkpoints.")
    Integer shards;

    @Option(names = "--local-steps", paramLabel = "K",
            description = "With --shards: mini-batches each shard trains between averages (default: a whole epoch of a shard).")
    Integer localSteps;

    @Option(names = "--master", paramLabel = "URL",
            description = "With --shards: run the shards as Spark tasks on this cluster: local[*], spark://host:port, yarn, "
                    + "k8s://... (perceptron-spark only; executors read the data from the same path).")
    String master;

    @Option(names = "--plot", paramLabel = "FILE",
            description = "Draw loss and accuracy per epoch, training against held-out data, as PNG (or SVG for *.svg).")
    Path plot;

    @Option(names = "--json", description = "Print one JSON object per line: an epoch event per epoch, then a done event.")
    boolean json;

    @Option(names = {"-q", "--quiet"}, description = "Print only the final result.")
    boolean quiet;

    /** The machine, for the saved model's provenance: filled by the composition root. */
    private final Host host;

    @Inject
    TrainCommand(ModelStore store, CheckpointStore checkpoints, Environment environment,
                 Console console, Clock clock, Interrupts.Source signals, ShardPlaces shardPlaces, Host host,
                 FileOutput output, PlanCodec codec) {
        this.host = host;
        this.codec = codec;
        this.output = output;
        this.store = store;
        this.checkpoints = checkpoints;
        this.environment = environment;
        this.console = console;
        this.clock = clock;
        this.signals = signals;
        this.shardPlaces = shardPlaces;
    }

    @Override
    public Integer call() throws IOException {
        if (shards != null || localSteps != null || master != null) {
            return sharded();
        }
        if (resume != null) {
            refuseOptionsAResumeIgnores();
        }
        TrainingCheckpoint resumed = resume == null ? null : checkpoints.load(resume);
        TrainingPlan plan = resumed == null ? training.plan().withEarlyStopping(earlyStopping()) : resumedPlan(resumed);
        ValidationSplit held = resumed == null ? validationSplit(plan) : resumed.validation();
        Path target = out != null ? out : Path.of("models", (dataset.data != null ? "model" : dataset.known().id()) + ".json");
        Path checkpointFile = checkpointPath(target);
        checkOutputs(target, checkpointFile);
        DatasetSource source = dataset.open(quiet || json);
        String evaluatedOn = held.isNone() ? "test" : "validation";
        Interrupts interrupts = signals.open(console.err());
        StopControl control = new StopControl(reporter(evaluatedOn), interrupts);
        control.started(plan, source.describe());
        TrainedModel trained = train(source, control, plan, held, resumed, checkpointFile);
        if (trained.stopReason() == StopReason.REQUESTED) {
            printResumeHint(trained, checkpointFile);
            return interrupts.exitCode();
        }
        new RescuingSave(store).save(trained.model(), target);
        if (plot != null) {
            new TrainingChart(trained.history(), "perceptron " + plan.network().sizes() + " on " + source.describe(),
                    evaluatedOn).write(output, plot);
        }
        control.finished(trained, target);
        return 0;
    }

    /** {@code --shards}: data-parallel training, here or on the cluster {@code --master} names. */
    private Integer sharded() throws IOException {
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        List<String> refused = new ArrayList<>();
        for (String option : List.of("--resume", "--validation", "--patience", "--checkpoint-every", "--checkpoint")) {
            if (parsed.hasMatchedOption(option)) {
                refused.add(option);
            }
        }
        if (shards == null) {
            throw new OptionException((localSteps != null ? "--local-steps" : "--master") + " goes with --shards P");
        }
        if (!refused.isEmpty()) {
            throw new OptionException(String.join(", ", refused) + (refused.size() == 1 ? " is" : " are")
                    + " not available with --shards: data-parallel runs have no validation split or checkpoints yet");
        }
        if (shards < 1 || (localSteps != null && localSteps < 1)) {
            throw new OptionException("--shards and --local-steps must be at least 1");
        }
        shardPlaces.check(master);
        TrainingPlan plan = training.plan();
        Path target = out != null ? out : Path.of("models", (dataset.data != null ? "model" : dataset.known().id()) + ".json");
        OutputLocation outputs = new OutputLocation(dataset.inputs()).add("--out", target);
        if (plot != null) {
            outputs.add("--plot", plot);
        }
        DatasetSource source = dataset.open(quiet || json);
        Interrupts interrupts = signals.open(console.err());
        StopControl control = new StopControl(reporter("test"), interrupts);
        ShardRecipe recipe = new ShardRecipe(plan, codec, dataset.location());
        TrainedModel trained;
        try (ShardPlaces.Sharding sharding = shardPlaces.open(master, shards, recipe, training.execution())) {
            ShardRunner runner = sharding.runner();
            int steps = localSteps != null ? localSteps
                    : (runner.layout().sizes()[0] + plan.batchSize() - 1) / plan.batchSize();
            control.started(plan, source.describe() + " in " + shards + (shards == 1 ? " shard" : " shards") + ", "
                    + steps + " local steps a round" + (master != null ? " on " + master : ""));
            trained = new TrainModel(source, control, clock, training.execution()).on(host).trainSharded(plan, runner, steps);
        } catch (DivergenceException e) {
            throw new CommandFailure(e.getMessage());
        }
        new RescuingSave(store).save(trained.model(), target);
        if (trained.stopReason() == StopReason.REQUESTED) {
            // No checkpoint to resume from: what the run has is the last epoch's average.
            console.err().println("perceptron: stopped after epoch " + trained.history().size() + "; the model so far is "
                    + "saved to " + target + " (a data-parallel run cannot be resumed yet)");
            return interrupts.exitCode();
        }
        if (plot != null) {
            new TrainingChart(trained.history(), "perceptron " + plan.network().sizes() + " on " + source.describe(), "test")
                    .write(output, plot);
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
    private TrainedModel train(DatasetSource source, StopControl control, TrainingPlan plan, ValidationSplit held,
                               TrainingCheckpoint resumed, Path checkpointFile) {
        // Checkpoints are always on for an interrupt; --checkpoint-every adds regular ones.
        CheckpointPolicy policy = new CheckpointPolicy(checkpoints, checkpointFile, checkpointEvery);
        TrainModel trainer = new TrainModel(source, control, clock, training.execution()).on(host);
        Instant started = clock.instant();
        try {
            return resumed == null ? trainer.train(plan, held, policy) : trainer.resume(resumed, plan, policy);
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
            if (parsed.hasMatchedOption(option) && !List.of("--threads", "--epochs").contains(option.longestName())) {
                ignored.add(option.longestName());
            }
        }
        for (String own : List.of("--validation", "--patience", "--monitor", "--min-delta", "--restore-best")) {
            if (parsed.hasMatchedOption(own)) {
                ignored.add(own);
            }
        }
        if (!ignored.isEmpty()) {
            throw new OptionException(String.join(", ", ignored) + (ignored.size() == 1 ? " does" : " do")
                    + " not apply with --resume, which continues the checkpoint's own plan (only --epochs, to "
                    + "extend it, and --threads may change); to train another plan, start a new run without --resume");
        }
    }

    /**
     * The checkpoint's plan, extended when {@code --epochs} asks for more: said on one line, since a
     * schedule then spans the new count and the run is no longer the one that was stopped.
     */
    private TrainingPlan resumedPlan(TrainingCheckpoint resumed) {
        TrainingPlan plan = resumed.plan();
        if (!spec.commandLine().getParseResult().hasMatchedOption("--epochs")) {
            return plan;
        }
        int epochs = training.plan().epochs();
        int done = resumed.epoch();
        if (epochs <= done) {
            throw new OptionException("--epochs " + epochs + " with --resume must be more than the " + done
                    + " epochs the checkpoint has done");
        }
        if (epochs != plan.epochs()) {
            console.err().println("perceptron: --epochs " + epochs + " applied: the run continues to epoch " + epochs
                    + " instead of " + plan.epochs() + "; its schedule now spans " + epochs
                    + " epochs, so it differs from the run as first planned");
        }
        return plan.withEpochs(epochs);
    }

    private EarlyStopping earlyStopping() {
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
    private ValidationSplit validationSplit(TrainingPlan plan) {
        if (validation == null) {
            if (!plan.earlyStopping().isActive()) {
                return ValidationSplit.NONE;
            }
            console.err().println("perceptron: --patience watches held-out training images, never the test set: "
                    + "holding out 10% of them (give --validation to choose how many)");
            console.err().flush();
            return ValidationSplit.stratifiedFraction(0.1, plan.seed());
        }
        return ValidationOption.parse(validation, plan.seed());
    }

    /** Where the last good state is, when regular checkpoints were saved before the loss exploded. */
    private String lastCheckpointSince(Path file, Instant started) {
        try {
            if (checkpointEvery == 0 || !Files.exists(file) || Files.getLastModifiedTime(file).toInstant().isBefore(started)) {
                return "";
            }
            return "; the last checkpoint before it, from epoch " + checkpoints.load(file).epoch() + ", is "
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

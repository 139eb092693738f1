package io.github.perceptron.cli.train;

import io.github.perceptron.cli.common.OptionException;
import io.github.perceptron.cli.common.CommandFailure;
import io.github.perceptron.cli.common.CompareRunners;
import io.github.perceptron.cli.common.ModelCodec;
import io.github.perceptron.cli.common.PlanCodec;
import io.github.perceptron.cli.common.UseCases;
import io.github.perceptron.cli.console.Console;
import io.github.perceptron.cli.data.DatasetOptions;
import io.github.perceptron.cli.files.FileOutput;
import io.github.perceptron.cli.host.Environment;
import io.github.perceptron.core.checkpoint.CheckpointPolicy;
import io.github.perceptron.core.checkpoint.CheckpointStore;
import io.github.perceptron.core.checkpoint.TrainingCheckpoint;
import io.github.perceptron.core.data.DatasetSource;
import io.github.perceptron.core.data.ValidationSplit;
import io.github.perceptron.core.model.ModelStore;
import io.github.perceptron.core.run.TrainingRuns;
import io.github.perceptron.core.train.DivergenceException;
import io.github.perceptron.core.train.StopReason;
import io.github.perceptron.core.train.TrainedModel;
import io.github.perceptron.core.train.TrainingPlan;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code perceptron train}: fetch if needed, train, report test accuracy, save the model. Ctrl-C
 * stops after the current epoch with a checkpoint and exit code 130. Its jobs live beside it: the
 * outputs ({@link TrainOutputs}), resuming ({@link ResumePolicy}) and data-parallel runs
 * ({@link ShardedTraining}).
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
    private final UseCases useCases;
    private final FileOutput output;
    private final PlanCodec codec;
    private final ShardedTraining sharded;
    private final CompareRunners compareRunners;
    private final ModelCodec models;

    @Mixin
    public DatasetOptions dataset;

    @Mixin
    public TrainingOptions training;

    @Mixin
    ValidationOptions held;

    @Spec
    CommandSpec spec;

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
            description = "With --shards or --committee: run the shards, or the members, as Spark tasks on this cluster: "
                    + "local[*], spark://host:port (perceptron-spark only; executors read the data from the same path).")
    String master;

    @Option(names = "--preset", paramLabel = "NAME",
            description = "A named recipe; options typed beside it win. committee: two [784,800,800,10] networks with "
                    + "Cireşan et al.'s elastic distortions (37, 5.5) and shifts, 300 epochs each, as one committee; "
                    + "committee-five: the earlier five, 130 epochs each, the digits as they are, deskewed, and 12, 16 "
                    + "and 20 pixels wide (docs/experiments-committee.md).")
    String preset;

    @Option(names = "--committee", paramLabel = "N",
            description = "Train N members, seeds S..S+N-1 (S from --seed), side by side on the threads, and save their "
                    + "committee: one model whose probabilities are the mean of theirs. Each member is the network "
                    + "'train --seed' alone would make. Finished members are kept beside the model: the same command "
                    + "resumes a stopped committee, and a larger N on a saved committee trains only the new members.")
    Integer committee;

    @Option(names = "--committee-layers", paramLabel = "L|L...",
            description = "With --committee: the members' layers in turn, such as 784,800,800,10|784,1200,10 "
                    + "(default: --layers for every member).")
    String committeeLayers;

    @Option(names = "--committee-normalise", paramLabel = "K|K...",
            description = "With --committee: the members' input normalisations in turn (see --normalise), such as "
                    + "none|deskew|width12|width16|width20: members that see the digits each their own way err on "
                    + "different images (default: --normalise for every member).")
    String committeeNormalise;

    @Option(names = "--plot", paramLabel = "FILE",
            description = "Draw loss and accuracy per epoch, training against held-out data, as PNG (or SVG for *.svg).")
    Path plot;

    @Option(names = "--json", description = "Print one JSON object per line: an epoch event per epoch, then a done event.")
    boolean json;

    @Option(names = {"-q", "--quiet"}, description = "Print only the final result.")
    boolean quiet;

    @Inject
    TrainCommand(ModelStore store, CheckpointStore checkpoints, Environment environment, Console console, Clock clock,
                 Interrupts.Source signals, ShardRunners shardRunners, UseCases useCases, FileOutput output, PlanCodec codec,
                 CompareRunners compareRunners, ModelCodec models) {
        this.store = store;
        this.checkpoints = checkpoints;
        this.environment = environment;
        this.console = console;
        this.clock = clock;
        this.signals = signals;
        this.useCases = useCases;
        this.output = output;
        this.codec = codec;
        this.sharded = new ShardedTraining(shardRunners, useCases);
        this.compareRunners = compareRunners;
        this.models = models;
    }

    @Override
    public Integer call() throws IOException {
        if (committee != null || committeeLayers != null || committeeNormalise != null || preset != null) {
            return committee();
        }
        if (shards != null || localSteps != null || master != null) {
            return sharded();
        }
        ResumePolicy resuming = new ResumePolicy(spec, console);
        if (resume != null) {
            resuming.refuseIgnoredOptions();
        }
        TrainingCheckpoint resumed = resume == null ? null : checkpoints.load(resume);
        TrainingPlan plan = resumed == null ? stopping(training.plan()) : resuming.plan(resumed, training);
        if (plan.averagesWeights() && checkpointEvery > 0) {
            throw new OptionException("--checkpoint-every cannot be used with --average-last: the running average of "
                    + "the last epochs' weights is not saved in a checkpoint");
        }
        ValidationSplit split = resumed == null ? held.split(plan, console) : resumed.validation();
        TrainOutputs outputs = new TrainOutputs(out, checkpoint, plot, dataset);
        outputs.check(dataset, resume, true);
        DatasetSource source = dataset.open(quiet || json);
        String evaluatedOn = split.isNone() ? "test" : "validation";
        AtomicInteger epochsDone = new AtomicInteger(resumed == null ? 0 : resumed.epoch());
        Interrupts interrupts = signals.open(console.err(), () -> epochsDone.get() + 1 > plan.lastEpochBeforeAveraging()
                ? "stopping after this epoch, one of the last " + plan.averagedEpochs() + " whose weights --average-last "
                        + "averages: that average cannot be checkpointed, so nothing will be saved"
                : Interrupts.SAVES_A_CHECKPOINT);
        StopOnInterrupt control = new StopOnInterrupt(reporter(evaluatedOn), interrupts, epochsDone);
        control.started(plan, source.describe());
        TrainedModel trained = train(source, control, plan, split, resumed, outputs.checkpoint());
        if (trained.stopReason() == StopReason.REQUESTED) {
            int stoppedAfter = trained.model().metadata().epochs();
            if (stoppedAfter > plan.lastEpochBeforeAveraging()) {
                console.err().println("perceptron: stopped after epoch " + stoppedAfter + ", inside the last "
                        + plan.averagedEpochs() + " epochs whose weights --average-last averages; that average is "
                        + "not checkpointed, so this run cannot be resumed: nothing was saved");
                return interrupts.exitCode();
            }
            resuming.printHint(trained.model().metadata().epochs(), outputs.checkpoint(), dataset.asArguments(), out,
                    checkpoint);
            return interrupts.exitCode();
        }
        outputs.save(store, trained);
        outputs.draw(output, trained, plan, source.describe(), evaluatedOn);
        control.finished(trained, outputs.model());
        return 0;
    }

    /** The plan with {@code --patience}'s early stopping; core's refusal of it is about the options. */
    private TrainingPlan stopping(TrainingPlan plan) {
        try {
            return plan.withEarlyStopping(held.earlyStopping());
        } catch (IllegalArgumentException e) {
            throw new OptionException("--patience: " + e.getMessage(), e);
        }
    }

    /** {@code --shards}: data-parallel training, here or on the cluster {@code --master} names. */
    private Integer sharded() throws IOException {
        sharded.check(spec.commandLine().getParseResult(), shards, localSteps, master);
        TrainingPlan plan = training.plan();
        TrainOutputs outputs = new TrainOutputs(out, null, plot, dataset);
        outputs.check(dataset, null, false);
        DatasetSource source = dataset.open(quiet || json);
        Interrupts interrupts = signals.open(console.err(), () -> "stopping after this epoch to save the model so far "
                + "(a data-parallel run cannot be resumed yet)");
        StopOnInterrupt control = new StopOnInterrupt(reporter("test"), interrupts, new AtomicInteger());
        TrainedModel trained = sharded.train(plan, new ShardRecipe(plan, codec, dataset.location()), source, shards,
                localSteps, master, training.threads(), control);
        outputs.save(store, trained);
        if (trained.stopReason() == StopReason.REQUESTED) {
            // No checkpoint to resume from: what the run has is the last epoch's average.
            console.err().println("perceptron: stopped after epoch " + trained.history().size() + "; the model so far is "
                    + "saved to " + outputs.model() + " (a data-parallel run cannot be resumed yet)");
            return interrupts.exitCode();
        }
        outputs.draw(output, trained, plan, source.describe(), "test");
        control.finished(trained, outputs.model());
        return 0;
    }

    /** {@code --committee N}: its members side by side, resumable by the same command, then one committee model. */
    private Integer committee() throws IOException {
        compareRunners.check(master);
        TrainPreset recipe = preset == null ? null : TrainPreset.fromId(preset);
        TrainingSettings settings = recipe == null ? training.settings()
                : TrainingSettings.DEFAULTS.withArguments(recipe.options()).with(training.settings().given());
        List<TrainingPlan> plans = CommitteeOptions.memberPlans(spec.commandLine().getParseResult(),
                committee != null || recipe == null ? committee : Integer.valueOf(recipe.members()),
                new CommitteeOptions.Turns(committeeLayers, committeeNormalise != null || recipe == null
                        || training.settings().given().containsKey("normalise") ? committeeNormalise
                        : recipe.memberNormalisations()), settings, held.earlyStopping());
        // Each member holds out what it would alone (the split follows its seed); the notice is said once.
        ValidationSplit split = held.split(plans.get(0), console);
        TrainOutputs outputs = new TrainOutputs(out, null, null, dataset);
        outputs.check(dataset, null, false);
        DatasetSource source = dataset.open(quiet || json);
        Interrupts interrupts = signals.open(console.err(), () -> "stopping: the finished members are kept, and the "
                + "ones in training are dropped after their epoch");
        Path members = CommitteeTraining.membersBeside(outputs.model());
        CommitteeReporter reporter = new CommitteeReporter(console.out(), json, quiet, split.isNone() ? "test" : "validation");
        CommitteeTraining.Outcome outcome = new CommitteeTraining(useCases, compareRunners, codec, models, store, clock, reporter)
                .train(source, plans, held::split, new CommitteeTraining.Placement(master, dataset.location(),
                        training.threads()), outputs.model(), interrupts::requested);
        if (outcome.stopped()) {
            console.err().println("perceptron: stopped with " + outcome.finished() + " of " + plans.size() + " members "
                    + "finished (kept in " + members + "); run the same command to train the rest");
            return interrupts.exitCode();
        }
        new RescuingSave(store).save(outcome.committee(), outputs.model());
        CommitteeTraining.forgetMembers(members, plans.size());
        reporter.finished(outcome.committee(), outcome.test(), outputs.model());
        return 0;
    }

    private TrainingReporter reporter(String evaluatedOn) {
        return json ? new JsonTrainingReporter(console.out(), evaluatedOn)
                : new ConsoleTrainingReporter(console, quiet, evaluatedOn, ConsoleTrainingReporter.columns(environment.variables()));
    }

    /** Trains afresh or resumes; a diverged run names the last checkpoint it left. */
    private TrainedModel train(DatasetSource source, StopOnInterrupt control, TrainingPlan plan, ValidationSplit split,
                               TrainingCheckpoint resumed, Path checkpointFile) {
        // Checkpoints are always on for an interrupt; --checkpoint-every adds regular ones.
        CheckpointPolicy policy = new CheckpointPolicy(checkpoints, checkpointFile, checkpointEvery);
        TrainingRuns trainer = useCases.training(source, control, training.threads());
        Instant started = clock.instant();
        try {
            return resumed == null ? trainer.train(plan, split, policy) : trainer.resume(resumed, plan, policy);
        } catch (DivergenceException e) {
            throw new CommandFailure(e.getMessage()
                    + ResumePolicy.lastCheckpointSince(checkpoints, checkpointFile, started, checkpointEvery));
        }
    }
}

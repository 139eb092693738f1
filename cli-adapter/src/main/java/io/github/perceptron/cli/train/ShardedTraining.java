package io.github.perceptron.cli.train;

import io.github.perceptron.cli.common.CommandFailure;
import io.github.perceptron.cli.common.OptionException;
import io.github.perceptron.cli.common.UseCases;
import io.github.perceptron.core.data.DatasetSource;
import io.github.perceptron.core.parallel.ShardRunner;
import io.github.perceptron.core.train.DivergenceException;
import io.github.perceptron.core.train.Threads;
import io.github.perceptron.core.train.TrainedModel;
import io.github.perceptron.core.train.TrainingPlan;
import java.util.List;
import picocli.CommandLine;

/**
 * {@code train --shards P [--local-steps K] [--master URL]}: data-parallel training by parameter
 * averaging, its shards here or on the cluster {@code --master} names. No validation split,
 * checkpoints or resume yet.
 */
final class ShardedTraining {

    /** The options a data-parallel run refuses. */
    private static final List<String> REFUSED = List.of("--resume", "--validation", "--patience", "--checkpoint-every",
            "--checkpoint");

    private final ShardRunners places;
    private final UseCases useCases;

    ShardedTraining(ShardRunners places, UseCases useCases) {
        this.places = places;
        this.useCases = useCases;
    }

    /** Refuses what a data-parallel run cannot do, before any data is read. */
    void check(CommandLine.ParseResult parsed, Integer shards, Integer localSteps, String master) {
        if (shards == null) {
            throw new OptionException((localSteps != null ? "--local-steps" : "--master") + " goes with --shards P");
        }
        RefusedOptions.refuse(parsed, REFUSED, "--shards: data-parallel runs have no validation split or checkpoints yet");
        RefusedOptions.refuse(parsed, List.of("--average-last"), "--shards: data-parallel runs cannot average the "
                + "last epochs' weights yet");
        if (shards < 1 || (localSteps != null && localSteps < 1)) {
            throw new OptionException("--shards and --local-steps must be at least 1");
        }
        places.check(master);
    }

    /** Trains {@code plan} in {@code shards} shards of {@code recipe}'s data; a diverged run is a failed command. */
    TrainedModel train(TrainingPlan plan, ShardRecipe recipe, DatasetSource source, int shards, Integer localSteps,
                       String master, Threads threads, TrainingReporter reporter) {
        try (ShardRunners.Sharding sharding = places.open(master, shards, recipe, threads)) {
            ShardRunner runner = sharding.runner();
            int steps = localSteps != null ? localSteps
                    : (runner.layout().sizes()[0] + plan.batchSize() - 1) / plan.batchSize();
            reporter.started(plan, source.describe() + " in " + shards + (shards == 1 ? " shard" : " shards") + ", "
                    + steps + " local steps a round" + (master != null ? " on " + master : ""));
            return useCases.training(source, reporter, threads).trainSharded(plan, runner, steps);
        } catch (DivergenceException e) {
            throw new CommandFailure(e.getMessage());
        }
    }
}

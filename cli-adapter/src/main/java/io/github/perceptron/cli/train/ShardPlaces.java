package io.github.perceptron.cli.train;

import io.github.perceptron.core.train.Execution;
import io.github.perceptron.core.train.ShardRunner;

/**
 * Where the shards of {@code train --shards} run: here, one after another (this command line),
 * or as tasks on the cluster {@code --master} names (the Spark build binds its own).
 */
public interface ShardPlaces {

    /** Refuses a {@code --master} these places cannot reach, before any data is read. */
    void check(String master);

    /** The shards' runner for one run, released when the run ends. */
    Sharding open(String master, int shards, ShardRecipe recipe, Execution execution);

    /** A shard runner held for one run. */
    interface Sharding extends AutoCloseable {
        ShardRunner runner();

        @Override
        void close();
    }

    /** This machine only: the training images read here and cut into shards in memory. */
    final class Local implements ShardPlaces {
        @Override
        public void check(String master) {
            if (master != null) {
                throw new IllegalArgumentException("--master needs the Spark build of perceptron: run ./perceptron-spark "
                        + "train with the same options (see docs/scale-out.md)");
            }
        }

        @Override
        public Sharding open(String master, int shards, ShardRecipe recipe, Execution execution) {
            check(master);
            ShardRunner runner = ShardRunner.inMemory(recipe.plan(), recipe.trainingImages(null), shards, execution);
            return new Sharding() {
                @Override
                public ShardRunner runner() {
                    return runner;
                }

                @Override
                public void close() {
                }
            };
        }
    }
}

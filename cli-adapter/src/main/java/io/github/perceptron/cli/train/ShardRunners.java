package io.github.perceptron.cli.train;

import io.github.perceptron.cli.common.OptionException;
import io.github.perceptron.core.data.LabelledImages;
import io.github.perceptron.core.parallel.ShardLayout;
import io.github.perceptron.core.parallel.ShardRunner;
import io.github.perceptron.core.train.Threads;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the shards of {@code train --shards} run: here, one after another (this command line),
 * or as tasks on the cluster {@code --master} names (the Spark build binds its own).
 */
public interface ShardRunners {

    /** Refuses a {@code --master} these places cannot reach, before any data is read. */
    void check(String master);

    /** The shards' runner for one run, released when the run ends. */
    Sharding open(String master, int shards, ShardRecipe recipe, Threads threads);

    /** A shard runner held for one run. */
    interface Sharding extends AutoCloseable {
        ShardRunner runner();

        @Override
        void close();

        /** {@code runner}, with {@code release} run when the run ends. */
        static Sharding of(ShardRunner runner, Runnable release) {
            return new Sharding() {
                @Override
                public ShardRunner runner() {
                    return runner;
                }

                @Override
                public void close() {
                    release.run();
                }
            };
        }
    }

    /** This machine only: the shards read here, as executors would read them, and trained in memory. */
    final class Local implements ShardRunners {
        @Override
        public void check(String master) {
            if (master != null) {
                throw new OptionException("--master needs the Spark build of perceptron: run ./perceptron-spark "
                        + "train with the same options (see docs/scale-out.md)");
            }
        }

        @Override
        public Sharding open(String master, int shards, ShardRecipe recipe, Threads threads) {
            check(master);
            ShardLayout layout = recipe.layout(shards);
            List<LabelledImages> parts = new ArrayList<>();
            for (int s = 0; s < shards; s++) {
                parts.add(recipe.shard(s, shards, layout));
            }
            return Sharding.of(ShardRunner.inMemory(recipe.plan(), layout, parts, threads), () -> { });
        }
    }
}

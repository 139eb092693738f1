package io.github.perceptron.sparkcli;

import io.github.perceptron.cli.train.ShardRecipe;
import io.github.perceptron.cli.train.ShardRunners;
import io.github.perceptron.core.checkpoint.TrainerState;
import io.github.perceptron.core.data.LabelledImages;
import io.github.perceptron.core.parallel.EpochTally;
import io.github.perceptron.core.parallel.ShardLayout;
import io.github.perceptron.core.parallel.ShardRound;
import io.github.perceptron.core.parallel.ShardRunner;
import io.github.perceptron.core.train.Threads;
import io.github.perceptron.spark.ClusterFailureException;
import io.github.perceptron.spark.SparkShardRunner;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;

/** {@code train --shards} on the cluster {@code --master} names, one Spark context per run; without it, here. */
final class SparkShardRunners implements ShardRunners {

    private final ShardRunners local = new ShardRunners.Local();

    @Override
    public void check(String master) {
        MasterUrls.check(master);
    }

    @Override
    public Sharding open(String given, int shards, ShardRecipe recipe, Threads threads) {
        String master = MasterUrls.effective(given);
        if (master == null) {
            return local.open(null, shards, recipe, threads);
        }
        JavaSparkContext spark = SparkContexts.start(master, "perceptron train");
        SparkShardRunner cluster = new SparkShardRunner(spark, new RecipeData(recipe), recipe::plan, shards);
        ShardRunner runner = new ShardRunner() {
            @Override
            public ShardLayout layout() {
                try {
                    return cluster.layout();
                } catch (ClusterFailureException e) {
                    throw SparkLog.failure(e);
                }
            }

            @Override
            public List<ShardRound> round(List<TrainerState> starts, List<EpochTally> tallies, int steps,
                                          float[] classWeights) {
                try {
                    return cluster.round(starts, tallies, steps, classWeights);
                } catch (ClusterFailureException e) {
                    throw SparkLog.failure(e);
                }
            }
        };
        return Sharding.of(runner, () -> {
            cluster.release();
            spark.close();
        });
    }

    /** The recipe's data as the Spark runner asks for it (a static class: nothing of the driver travels). */
    private record RecipeData(ShardRecipe recipe) implements SparkShardRunner.ShardData {
        private static final long serialVersionUID = 1L;

        @Override
        public ShardLayout layout(int shards) {
            return recipe.layout(shards);
        }

        @Override
        public LabelledImages shard(int shard, int shards, ShardLayout layout) {
            return recipe.shard(shard, shards, layout);
        }
    }
}

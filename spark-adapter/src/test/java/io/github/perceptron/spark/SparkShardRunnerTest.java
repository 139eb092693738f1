package io.github.perceptron.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.perceptron.core.augment.Augmentation;
import io.github.perceptron.core.data.LabelledImages;
import io.github.perceptron.core.optim.OptimizerSpec;
import io.github.perceptron.core.parallel.DataParallelTrainer;
import io.github.perceptron.core.parallel.ShardLayout;
import io.github.perceptron.core.parallel.ShardRunner;
import io.github.perceptron.core.testing.SyntheticImages;
import io.github.perceptron.core.train.Threads;
import io.github.perceptron.core.train.TrainingListener;
import io.github.perceptron.core.train.TrainingPlan;
import io.github.perceptron.core.trainer.TrainedNetwork;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Shards as Spark tasks on local[1] and local[2] give the bits of the same shards trained here. */
class SparkShardRunnerTest {

    static TrainingPlan plan() {
        return TrainingPlan.builder().layers(64, 12, 4).dropout(0.1).augmentation(Augmentation.shift(1))
                .optimizer(new OptimizerSpec.Momentum(0.05, 0.9)).epochs(2).batchSize(20).seed(5).build();
    }

    static LabelledImages images() {
        return SyntheticImages.blobs(360, 8, 8, 4, 1);
    }

    /** The test images in contiguous blocks, read anew in each task. */
    static final class Blocks implements SparkShardRunner.ShardData {
        private static final long serialVersionUID = 1L;

        @Override
        public ShardLayout layout(int shards) {
            return ShardLayout.of(images(), shards);
        }

        @Override
        public LabelledImages shard(int shard, int shards, ShardLayout layout) {
            return ShardLayout.shard(images(), shards, shard);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"local[1]", "local[2]"})
    void three_shards_on_spark_train_the_network_three_shards_train_here(String master) {
        TrainedNetwork here = new DataParallelTrainer(plan(), 4, new Threads(1), TrainingListener.NONE)
                .train(ShardRunner.inMemory(plan(), images(), 3, new Threads(1)), null);
        SparkConf conf = new SparkConf().setMaster(master).setAppName("perceptron-test")
                .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1");
        try (JavaSparkContext spark = new JavaSparkContext(conf)) {
            SparkShardRunner shards = new SparkShardRunner(spark, new Blocks(), SparkShardRunnerTest::plan, 3);
            TrainedNetwork there = new DataParallelTrainer(plan(), 4, new Threads(1), TrainingListener.NONE)
                    .train(shards, null);
            for (int p = 0; p < here.network().parameters().size(); p++) {
                assertThat(there.network().parameters().get(p).values()).as("parameter %d", p)
                        .isEqualTo(here.network().parameters().get(p).values());
            }
            assertThat(there.history()).hasSize(2);
            assertThat(shards.layout().sizes()).containsExactly(120, 120, 120);
        }
    }
}

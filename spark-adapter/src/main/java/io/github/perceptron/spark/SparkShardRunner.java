package io.github.perceptron.spark;

import io.github.perceptron.core.data.LabelledImages;
import io.github.perceptron.core.train.Execution;
import io.github.perceptron.core.train.LocalRound;
import io.github.perceptron.core.train.Replica;
import io.github.perceptron.core.train.ShardLayout;
import io.github.perceptron.core.train.ShardProgress;
import io.github.perceptron.core.train.ShardRunner;
import io.github.perceptron.core.train.Trainer;
import io.github.perceptron.core.train.TrainingListener;
import io.github.perceptron.core.train.TrainingPlan;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * The shards of data-parallel training as Spark tasks: each round broadcasts the replica, runs one
 * task per shard (the shard's progress travels with it) and collects the rounds in shard order.
 * Executors read the training images themselves, from a path they share, and keep them between
 * rounds; the driver never holds them.
 */
public final class SparkShardRunner implements ShardRunner {

    /** The training images, read where the task runs; with a digest, refused unless they are those images. */
    @FunctionalInterface
    public interface ImagesRecipe extends Serializable {
        LabelledImages trainingImages(String digest);
    }

    /** The training plan, rebuilt where the task runs. */
    @FunctionalInterface
    public interface PlanRecipe extends Serializable {
        TrainingPlan plan();
    }

    private final JavaSparkContext spark;
    private final ImagesRecipe images;
    private final PlanRecipe plan;
    private final int shards;
    private final int taskThreads;
    private ShardLayout layout;

    public SparkShardRunner(JavaSparkContext spark, ImagesRecipe images, PlanRecipe plan, int shards) {
        this.spark = spark;
        this.images = images;
        this.plan = plan;
        this.shards = shards;
        this.taskThreads = spark.getConf().getInt("spark.task.cpus", 1);
    }

    /** Read by one task on an executor: the driver learns the shards' sizes, labels, shape and digest. */
    @Override
    public ShardLayout layout() {
        if (layout == null) {
            ImagesRecipe read = images;
            int count = shards;
            spark.setJobDescription("perceptron: the shards' layout");
            layout = run(() -> spark.parallelize(List.of(0), 1).map(ignored -> ShardLayout.of(read.trainingImages(null), count))
                    .collect().get(0));
        }
        return layout;
    }

    @Override
    public List<LocalRound> round(Replica start, List<ShardProgress> progress, int steps, float[] classWeights) {
        List<ShardTask> tasks = new ArrayList<>();
        for (int s = 0; s < progress.size(); s++) {
            tasks.add(new ShardTask(s, progress.get(s)));
        }
        Broadcast<Replica> replica = spark.broadcast(start);
        ImagesRecipe read = images;
        PlanRecipe rebuild = plan;
        String digest = layout().contentDigest();
        int count = shards;
        int threads = taskThreads;
        spark.setJobDescription("perceptron: a round of " + steps + " steps on " + count + " shards");
        try {
            return run(() -> spark.parallelize(tasks, tasks.size()).map(task -> {
                LabelledImages shard = ShardLayout.shard(read.trainingImages(digest), count, task.shard());
                return new Trainer(rebuild.plan(), new Execution(threads), TrainingListener.NONE)
                        .localSteps(replica.value(), task.progress(), shard, classWeights, steps);
            }).collect());
        } finally {
            replica.destroy();
        }
    }

    private static <T> T run(java.util.concurrent.Callable<T> job) {
        try {
            return job.call();
        } catch (Exception e) { // SparkException is checked, though Scala declares nothing
            throw TrialFailures.unwrap(e);
        }
    }

    /** One shard's part of a round. */
    private record ShardTask(int shard, ShardProgress progress) implements Serializable {
        private static final long serialVersionUID = 1L;
    }
}

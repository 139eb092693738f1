package io.github.perceptron.spark;

import io.github.perceptron.core.checkpoint.TrainerState;
import io.github.perceptron.core.data.LabelledImages;
import io.github.perceptron.core.parallel.EpochTally;
import io.github.perceptron.core.parallel.ShardLayout;
import io.github.perceptron.core.parallel.ShardRound;
import io.github.perceptron.core.parallel.ShardRunner;
import io.github.perceptron.core.parallel.ShardTrainer;
import io.github.perceptron.core.train.Threads;
import io.github.perceptron.core.train.TrainingPlan;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * The shards of data-parallel training as Spark tasks: each round broadcasts the weights and
 * optimiser state every shard starts from, runs one task per shard (the shard's generator, order
 * and tally travel with it) and collects the rounds in shard order.
 * Executors read the training images themselves, from a path they share, and keep them between
 * rounds; the driver never holds them.
 */
public final class SparkShardRunner implements ShardRunner {

    /** The training data as executors read it: the shards' layout, and one shard (refused unless it matches the layout). */
    public interface ShardData extends Serializable {
        ShardLayout layout(int shards);

        LabelledImages shard(int shard, int shards, ShardLayout layout);
    }

    /** The training plan, rebuilt where the task runs. */
    @FunctionalInterface
    public interface PlanRecipe extends Serializable {
        TrainingPlan plan();
    }

    /**
     * The shard trainers an executor made, kept between rounds (a shard's network and buffers are
     * made once): a round's result still depends only on what its task carries, so a shard moved
     * to another executor, or retried, gives the same bits.
     */
    private static final Map<String, ShardTrainer> EXECUTOR_SHARDS = new ConcurrentHashMap<>();

    private final String runId = UUID.randomUUID().toString();
    private final JavaSparkContext spark;
    private final ShardData images;
    private final PlanRecipe plan;
    private final int shards;
    private final int taskThreads;
    private ShardLayout layout;

    public SparkShardRunner(JavaSparkContext spark, ShardData images, PlanRecipe plan, int shards) {
        this.spark = spark;
        this.images = images;
        this.plan = plan;
        this.shards = shards;
        this.taskThreads = spark.getConf().getInt("spark.task.cpus", 1);
    }

    /** Forgets the shard trainers this run left in this JVM (an executor's are gone with the application). */
    public void release() {
        EXECUTOR_SHARDS.keySet().removeIf(key -> key.startsWith(runId + "/"));
    }

    /** Read by one task on an executor: the driver learns the shards' sizes, labels, shape and digest. */
    @Override
    public ShardLayout layout() {
        if (layout == null) {
            ShardData read = images;
            int count = shards;
            spark.setJobDescription("perceptron: the shards' layout");
            layout = run(() -> spark.parallelize(List.of(0), 1).map(ignored -> Attempt.of(() -> read.layout(count)))
                    .collect().get(0)).result();
        }
        return layout;
    }

    @Override
    public List<ShardRound> round(List<TrainerState> starts, List<EpochTally> tallies, int steps, float[] classWeights) {
        TrainerState shared = starts.get(0);
        List<ShardTask> tasks = new ArrayList<>();
        for (int s = 0; s < starts.size(); s++) {
            TrainerState start = starts.get(s);
            if (!sameTrainable(start, shared)) {
                throw new IllegalArgumentException("a round starts every shard from the same weights and optimiser state");
            }
            tasks.add(new ShardTask(s, start.randomState(), start.order(), tallies.get(s)));
        }
        Broadcast<TrainerState> common = spark.broadcast(shared);
        ShardData read = images;
        PlanRecipe rebuild = plan;
        ShardLayout laid = layout();
        int count = shards;
        int threads = taskThreads;
        spark.setJobDescription("perceptron: a round of " + steps + " steps on " + count + " shards");
        try {
            String run = runId;
            List<Attempt<ShardRound>> rounds = run(() -> spark.parallelize(tasks, tasks.size()).map(task -> Attempt.of(
                    () -> EXECUTOR_SHARDS.computeIfAbsent(run + "/" + task.shard(), key -> new ShardTrainer(rebuild.plan(),
                                    new Threads(threads), read.shard(task.shard(), count, laid), classWeights))
                            .round(common.value().withGenerator(task.randomState(), task.order()), task.tally(), steps)))
                    .collect());
            return rounds.stream().map(Attempt::result).toList();
        } finally {
            common.destroy();
        }
    }

    /** Whether two starts hold the same weights and optimiser state (the same arrays, as the driver hands them, or equal ones). */
    private static boolean sameTrainable(TrainerState a, TrainerState b) {
        if (a.optimizerSteps() != b.optimizerSteps() || a.weights().size() != b.weights().size()) {
            return false;
        }
        for (int p = 0; p < a.weights().size(); p++) {
            if (!Arrays.equals(a.weights().get(p), b.weights().get(p))
                    || !Arrays.deepEquals(a.optimizerState().get(p), b.optimizerState().get(p))) {
                return false;
            }
        }
        return true;
    }

    private <T> T run(java.util.concurrent.Callable<T> job) {
        try {
            return job.call();
        } catch (Exception e) { // SparkException is checked, though Scala declares nothing
            SparkJobs.stopIfShutDown(spark);
            throw TrialFailures.unwrap(e);
        }
    }

    /** One shard's own part of a round: its generator, its order and its tally. */
    private record ShardTask(int shard, long randomState, int[] order, EpochTally tally) implements Serializable {
        private static final long serialVersionUID = 1L;
    }
}

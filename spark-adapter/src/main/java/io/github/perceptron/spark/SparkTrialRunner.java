package io.github.perceptron.spark;

import io.github.perceptron.core.tune.TrialResult;
import io.github.perceptron.core.tune.TrialRunner;
import java.io.Serializable;
import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Trials as Spark tasks, each its own job of one partition, submitted in trial order from driver
 * threads, as many at once as the cluster has cores, so that each result is reported (and
 * journaled, in trial order) as soon as it is back, a search killed part-way keeps what finished,
 * and a time budget stops new trials as it does here. The trials' own work cannot travel; a
 * {@link TrialRecipe} rebuilds it where the task runs, from the trial's number. A task that fails
 * is retried by Spark ({@code spark.task.maxFailures}) and, being a pure function of its recipe and
 * number, gives the same bits. Results come back in trial order, never in completion order.
 */
public final class SparkTrialRunner implements TrialRunner {

    /** Runs trial {@code number} wherever the task lands: it must carry everything it needs. */
    @FunctionalInterface
    public interface TrialRecipe extends Serializable {
        TrialResult run(int number);
    }

    private final JavaSparkContext spark;
    private final TrialRecipe recipe;

    public SparkTrialRunner(JavaSparkContext spark, TrialRecipe recipe) {
        this.spark = spark;
        this.recipe = recipe;
    }

    @Override
    public List<TrialResult> run(List<Trial> trials, Consumer<TrialResult> finished) {
        // As many trials in flight as the cluster has cores, started in trial order, each waited
        // for by a driver thread: exactly the local side-by-side runner, with the work shipped.
        List<Trial> shipped = trials.stream()
                .map(trial -> new Trial(trial.number(), trial.params(), trial.begin(), () -> runOnCluster(trial.number())))
                .toList();
        try {
            return TrialRunner.sideBySide(Math.max(1, Math.min(parallelism(), trials.size()))).run(shipped, finished);
        } catch (RuntimeException e) {
            SparkJobs.cancelAll(spark);
            SparkJobs.stopIfShutDown(spark);
            throw e;
        }
    }

    private TrialResult runOnCluster(int number) {
        TrialRecipe work = recipe;
        return new SparkJobs(spark).runOne(() -> work.run(number), "perceptron trial " + number);
    }

    /** Trials the cluster can run at once: its default parallelism (the executors' cores). */
    @Override
    public int parallelism() {
        return spark.defaultParallelism();
    }
}

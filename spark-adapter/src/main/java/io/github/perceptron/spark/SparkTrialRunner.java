package io.github.perceptron.spark;

import io.github.perceptron.core.tune.TrialResult;
import io.github.perceptron.core.tune.TrialRunner;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Trials as Spark tasks, each its own job of one partition, submitted side by side from the driver
 * so that each result is reported (and journaled, in trial order) as soon as it is back, and a
 * search killed part-way keeps what finished. The trials' own work cannot travel; a
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
        if (trials.isEmpty()) {
            return List.of();
        }
        // Driver threads only wait; the cluster's scheduler decides how many tasks run at once.
        ExecutorService driver = Executors.newFixedThreadPool(Math.min(trials.size(), 256), runnable -> {
            Thread thread = new Thread(runnable, "perceptron-spark-trial");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<TrialResult>> futures = new ArrayList<>();
            for (Trial trial : trials) {
                futures.add(driver.submit(() -> runOnCluster(trial, finished)));
            }
            List<TrialResult> results = new ArrayList<>();
            for (Future<TrialResult> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            spark.cancelAllJobs();
            throw new IllegalStateException("the search was interrupted", e);
        } catch (ExecutionException e) {
            spark.cancelAllJobs();
            throw TrialFailures.unwrap(e.getCause());
        } finally {
            driver.shutdownNow();
        }
    }

    private TrialResult runOnCluster(Trial trial, Consumer<TrialResult> finished) {
        if (!trial.begin().getAsBoolean()) {
            return null;
        }
        TrialRecipe work = recipe;
        int number = trial.number();
        spark.setJobDescription("perceptron trial " + number);
        TrialResult result = spark.parallelize(List.of(number), 1).map(work::run).collect().get(0);
        finished.accept(result);
        return result;
    }

    /** Trials the cluster can run at once: its default parallelism (the executors' cores). */
    @Override
    public int parallelism() {
        return spark.defaultParallelism();
    }
}

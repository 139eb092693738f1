package io.github.perceptron.spark;

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
 * Independent pieces of work as Spark jobs of one task each: started in their order, as many at
 * once as the cluster has cores, and handed back in their order (never in completion order). A
 * task that fails is retried by Spark; work that is a pure function of its values gives the same
 * result wherever and however often it runs.
 */
public final class SparkJobs {

    /** One piece of work, carrying everything it needs to run on an executor. */
    @FunctionalInterface
    public interface Work<R> extends Serializable {
        R run();
    }

    private final JavaSparkContext spark;

    public SparkJobs(JavaSparkContext spark) {
        this.spark = spark;
    }

    /** Runs every piece; {@code done} hears each result in order, as soon as it and those before it are back. */
    public <R> List<R> runInOrder(List<? extends Work<R>> work, Consumer<R> done) {
        if (work.isEmpty()) {
            return List.of();
        }
        ExecutorService driver = Executors.newFixedThreadPool(Math.max(1, Math.min(spark.defaultParallelism(), work.size())),
                runnable -> {
                    Thread thread = new Thread(runnable, "perceptron-spark-job");
                    thread.setDaemon(true);
                    return thread;
                });
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (int w = 0; w < work.size(); w++) {
                Work<R> piece = work.get(w);
                String description = "perceptron run " + (w + 1) + " of " + work.size();
                futures.add(driver.submit(() -> runOne(piece, description)));
            }
            List<R> results = new ArrayList<>();
            for (Future<R> future : futures) {
                R result = future.get();
                done.accept(result);
                results.add(result);
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancelAll(spark);
            throw new IllegalStateException("interrupted while the cluster ran the work", e);
        } catch (ExecutionException e) {
            cancelAll(spark);
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } finally {
            driver.shutdownNow();
        }
    }

    /** One piece of work as a Spark job of one task, described as {@code description}; its failure in one line. */
    public <R> R runOne(Work<R> piece, String description) {
        Attempt<R> attempt;
        try {
            stopIfShutDown(spark);
            spark.setJobDescription(description);
            attempt = spark.parallelize(List.of(0), 1).map(ignored -> Attempt.of(piece)).collect().get(0);
        } catch (Exception e) { // SparkException is checked, though Scala declares nothing
            stopIfShutDown(spark);
            throw TrialFailures.unwrap(e);
        }
        return attempt.result();
    }

    /**
     * A stop when Spark has been shut down: its shutdown hook stops the context on SIGINT and
     * SIGTERM while work is still being handed to it, and every call then fails with "Cannot call
     * methods on a stopped SparkContext", which is not a failure of the work.
     */
    static void stopIfShutDown(JavaSparkContext spark) {
        if (spark.sc().isStopped()) {
            throw ClusterFailureException.stopped();
        }
    }

    /** Cancels what is running, unless Spark is already shut down (cancelling would fail then). */
    static void cancelAll(JavaSparkContext spark) {
        if (!spark.sc().isStopped()) {
            spark.cancelAllJobs();
        }
    }
}

package io.github.perceptron.sparkcli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Starts a Spark context for a command and makes sure it can run tasks: on a cluster, that an
 * executor has joined within {@code perceptron.spark.waitSeconds} (60 by default), so that an
 * unreachable master or a cluster without free cores fails in one line, in bounded time, instead
 * of a search that never starts.
 */
final class SparkContexts {

    static final String WAIT_PROPERTY = "perceptron.spark.waitSeconds";

    private SparkContexts() {
    }

    static JavaSparkContext start(String master, String name) {
        // SparkConf reads spark.* system properties: -Dspark.executor.memory=4g and the like, or spark-submit's --conf.
        SparkConf conf = new SparkConf().setMaster(master).setAppName(name);
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        ownJar().ifPresent(jar -> conf.setIfMissing("spark.jars", jar));
        long waitSeconds = Long.getLong(WAIT_PROPERTY, 60);
        MasterUrls.check(master);
        JavaSparkContext spark;
        try {
            spark = new JavaSparkContext(conf);
        } catch (RuntimeException e) {
            throw SparkLog.failure(MasterUrls.unreachable(master, "Spark did not start (" + firstLine(e) + ")"));
        }
        if (!spark.sc().isLocal()) {
            awaitExecutor(spark, master, waitSeconds);
        }
        return spark;
    }

    /** How long a master may take to accept a connection: the wait, at most 30 s. */
    static int connectTimeoutMillis() {
        return (int) Math.min(Long.getLong(WAIT_PROPERTY, 60), 30) * 1000;
    }

    /**
     * Waits until an executor has registered (the driver counts as one entry on its own). The
     * context can also be stopped under the wait, which is not the wait expiring: by Spark's
     * shutdown hook after Ctrl-C or a signal, or by Spark itself when the master never answers.
     */
    static void awaitExecutor(JavaSparkContext spark, String master, long waitSeconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(waitSeconds);
        while (spark.sc().isStopped() || spark.sc().statusTracker().getExecutorInfos().length < 2) {
            if (spark.sc().isStopped()) {
                if (JvmShutdown.inProgress()) {
                    throw MasterUrls.unreachable(master, "stopped while waiting for an executor (Ctrl-C or a signal); "
                            + "nothing was run");
                }
                throw SparkLog.failure(MasterUrls.unreachable(master, "Spark ended the application before an executor "
                        + "joined (it gives up on a master that does not answer within about 60 s)"));
            }
            if (System.nanoTime() > deadline) {
                spark.close();
                throw MasterUrls.unreachable(master, "no executor joined within " + waitSeconds + " s (is the master "
                        + "up at that address, with a worker that has free cores? -D" + WAIT_PROPERTY + "=N waits longer)");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                spark.close();
                throw MasterUrls.unreachable(master, "interrupted while waiting for an executor");
            }
        }
    }

    /** This build's jar, which executors on a cluster need for the trials' classes (spark-submit sets it itself). */
    private static Optional<String> ownJar() {
        try {
            Path location = Path.of(SparkContexts.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(location) ? Optional.of(location.toUri().toString()) : Optional.empty();
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return Optional.empty();
        }
    }

    static String firstLine(Throwable e) {
        String message = String.valueOf(e.getMessage());
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}

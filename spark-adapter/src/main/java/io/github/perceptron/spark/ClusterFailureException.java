package io.github.perceptron.spark;

/** The cluster could not run some work (lost executors past Spark's retries, a task that kept failing); one line. */
public final class ClusterFailureException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What a stop says: Spark's own shutdown hook stops the context on SIGINT or SIGTERM. */
    static final String STOPPED = "stopped: Spark was shut down while it ran the work (Ctrl-C or a signal)";

    private final boolean stop;

    public ClusterFailureException(String message) {
        this(message, false);
    }

    private ClusterFailureException(String message, boolean stop) {
        super(message);
        this.stop = stop;
    }

    /** Spark was shut down under the work (a signal's shutdown hook), rather than failing it. */
    public static ClusterFailureException stopped() {
        return new ClusterFailureException(STOPPED, true);
    }

    /** @return whether this is a stop ({@link #stopped()}) rather than a failure */
    public boolean isStop() {
        return stop;
    }
}

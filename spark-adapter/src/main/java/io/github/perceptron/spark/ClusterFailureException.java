package io.github.perceptron.spark;

/** The cluster could not run some work (lost executors past Spark's retries, a task that kept failing); one line. */
public final class ClusterFailureException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ClusterFailureException(String message) {
        super(message);
    }
}

package io.github.perceptron.spark;

import io.github.perceptron.core.data.DatasetException;

/**
 * A failed Spark job as a one-line error: the data's own error when a task could not read it (a
 * path missing on an executor), the task's own error when it is one of core's, else what Spark
 * said, first line only.
 */
final class TrialFailures {

    private TrialFailures() {
    }

    /**
     * Whether {@code failure} would recur on a retry: the data's own errors, a value out of range
     * (a layout that cannot be cut), and core's own errors. Work shipped to an executor is a pure
     * function of what it carries, so these fail the same way every time.
     */
    static boolean isFinal(RuntimeException failure) {
        return failure instanceof DatasetException || failure instanceof IllegalArgumentException
                || failure.getClass().getName().startsWith("io.github.perceptron.core.");
    }

    static RuntimeException unwrap(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DatasetException data) {
                return new DatasetException("on a Spark executor: " + data.getMessage(), failure);
            }
            if (cause instanceof IllegalArgumentException outOfRange) {
                return outOfRange;  // the same usage error as a local run's
            }
            if (cause instanceof RuntimeException own && own.getClass().getName().startsWith("io.github.perceptron.core.")) {
                return own;
            }
        }
        String message = String.valueOf(failure.getMessage());
        int end = message.indexOf('\n');
        return new ClusterFailureException("the cluster failed the work: " + (end < 0 ? message : message.substring(0, end)));
    }
}

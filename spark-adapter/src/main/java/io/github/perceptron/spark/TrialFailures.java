package io.github.perceptron.spark;

import io.github.perceptron.core.data.DatasetException;
import io.github.perceptron.core.usecase.TuningFailedException;

/**
 * A failed Spark job as the one-line error the search's caller knows: the data's own error when a
 * task could not read it (a path missing on an executor), else what Spark said, first line only.
 */
final class TrialFailures {

    private TrialFailures() {
    }

    static RuntimeException unwrap(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DatasetException data) {
                return new DatasetException("on a Spark executor: " + data.getMessage(), failure);
            }
        }
        String message = String.valueOf(failure.getMessage());
        int end = message.indexOf('\n');
        return new TuningFailedException("a trial failed on the cluster: " + (end < 0 ? message : message.substring(0, end)));
    }
}

package io.github.perceptron.spark;

import java.io.Serializable;

/**
 * A task's outcome as a value: its result, or a failure no retry could change, brought back to the
 * driver rather than thrown on the executor. Spark retries a task that throws
 * ({@code spark.task.maxFailures}, 4 on a cluster): for work that is a pure function of what it
 * carries, a missing path, changed data or a layout that cannot be cut fail the same way every
 * time, so those took 7–10 s and four pages of "Lost task" warnings to report. Anything else (an
 * executor lost, memory) is still thrown, and retried.
 *
 * @param value   the result, when the work succeeded
 * @param failure the failure a retry could not change, or null
 * @param <R>     the result's type
 */
record Attempt<R>(R value, RuntimeException failure) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Runs {@code work} where the task runs. */
    static <R> Attempt<R> of(SparkJobs.Work<R> work) {
        try {
            return new Attempt<>(work.run(), null);
        } catch (RuntimeException e) {
            if (TrialFailures.isFinal(e)) {
                return new Attempt<>(null, e);
            }
            throw e;
        }
    }

    /** The result on the driver, or the failure in one line, as a local run would give it. */
    R result() {
        if (failure != null) {
            throw TrialFailures.unwrap(failure);
        }
        return value;
    }
}

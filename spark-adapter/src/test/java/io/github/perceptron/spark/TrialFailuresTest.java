package io.github.perceptron.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.perceptron.core.data.DatasetException;
import io.github.perceptron.core.train.DivergenceException;
import org.junit.jupiter.api.Test;

/** A failed Spark job reaches the user as one line: the data's error, core's own, or Spark's first line. */
class TrialFailuresTest {

    @Test
    void spark_failures_become_one_line_errors() {
        RuntimeException data = TrialFailures.unwrap(new IllegalStateException("Job aborted",
                new DatasetException("/shared/digits: file not found")));
        assertThat(data).isInstanceOf(DatasetException.class).hasMessage("on a Spark executor: /shared/digits: file not found");

        DivergenceException diverged = new DivergenceException(2, 3, Double.NaN, 0.5);
        assertThat(TrialFailures.unwrap(new IllegalStateException("Job aborted", diverged))).isSameAs(diverged);

        RuntimeException lost = TrialFailures.unwrap(new IllegalStateException(
                "Job aborted due to stage failure: Task 0 in stage 3.0 failed 4 times\n\tat org.apache.spark..."));
        assertThat(lost).isInstanceOf(ClusterFailureException.class)
                .hasMessage("the cluster failed the work: Job aborted due to stage failure: Task 0 in stage 3.0 failed 4 times");
    }
}

package io.github.perceptron.sparkcli;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.perceptron.cli.common.CommandFailure;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;

/**
 * The wait for a cluster's first executor ends in one of three ways, and says which. A context
 * stopped under the wait (by Spark's shutdown hook after Ctrl-C, or by Spark giving up on the
 * master) was taken for an expired wait: "no executor joined within 60 s" a few seconds in.
 */
class SparkContextsTest {

    @Test
    void a_context_stopped_under_the_wait_is_not_reported_as_an_expired_wait() {
        JavaSparkContext spark = new JavaSparkContext("local[1]", "stopped-under-the-wait");
        spark.close();

        assertThatThrownBy(() -> SparkContexts.awaitExecutor(spark, "spark://127.0.0.1:7077", 60))
                .isInstanceOf(CommandFailure.class)
                .hasMessage("--master spark://127.0.0.1:7077: Spark ended the application before an executor joined "
                        + "(it gives up on a master that does not answer within about 60 s)");
    }

    @Test
    void an_expired_wait_says_how_long_it_waited() {
        JavaSparkContext spark = new JavaSparkContext("local[1]", "expired-wait");
        try {
            assertThatThrownBy(() -> SparkContexts.awaitExecutor(spark, "spark://127.0.0.1:7077", 0))
                    .isInstanceOf(CommandFailure.class)
                    .hasMessageStartingWith("--master spark://127.0.0.1:7077: no executor joined within 0 s");
        } finally {
            spark.close();
        }
    }
}

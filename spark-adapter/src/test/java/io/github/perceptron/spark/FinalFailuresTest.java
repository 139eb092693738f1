package io.github.perceptron.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.perceptron.core.data.DatasetException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Failures no retry can change fail the task once and reach the driver as a local run's error;
 * others are still retried. Before: a path missing on an executor, changed data or too many shards
 * were tried 4 times (7–10 s instead of 0.6 s) behind pages of "Lost task" warnings, and
 * {@code --shards 10001} was "Job aborted", exit 1, where a local run gives a usage error.
 * {@code local[1,4]} retries a task as a cluster does (4 attempts); tasks run in this JVM, so a
 * static counter sees every attempt.
 */
class FinalFailuresTest {

    private static final AtomicInteger ATTEMPTS = new AtomicInteger();
    private static JavaSparkContext spark;

    @BeforeAll
    static void start() {
        spark = new JavaSparkContext(new SparkConf().setMaster("local[1,4]").setAppName("perceptron-test")
                .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1"));
    }

    @AfterAll
    static void stop() {
        spark.close();
    }

    @BeforeEach
    void reset() {
        ATTEMPTS.set(0);
    }

    @Test
    void data_that_cannot_be_read_fails_once_in_one_line() {
        assertThatThrownBy(() -> new SparkJobs(spark).runOne(() -> {
            ATTEMPTS.incrementAndGet();
            throw new DatasetException("/shared/digits: file not found");
        }, "missing data")).isInstanceOf(DatasetException.class)
                .hasMessage("on a Spark executor: /shared/digits: file not found");
        assertThat(ATTEMPTS).hasValue(1);
    }

    @Test
    void a_value_out_of_range_fails_once_as_the_same_usage_error() {
        assertThatThrownBy(() -> new SparkJobs(spark).runOne(() -> {
            ATTEMPTS.incrementAndGet();
            throw new IllegalArgumentException("--shards must be in 1..500 (the training images), was 10001");
        }, "too many shards")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--shards must be in 1..500 (the training images), was 10001");
        assertThat(ATTEMPTS).hasValue(1);
    }

    @Test
    void other_failures_are_still_retried() {
        assertThatThrownBy(() -> new SparkJobs(spark).runOne(() -> {
            ATTEMPTS.incrementAndGet();
            throw new IllegalStateException("an executor ran out of something");
        }, "transient")).isInstanceOf(ClusterFailureException.class);
        assertThat(ATTEMPTS).hasValue(4);
    }

    @Test
    void work_that_succeeds_gives_its_result() {
        assertThat(new SparkJobs(spark).<Integer>runOne(() -> {
            ATTEMPTS.incrementAndGet();
            return 42;
        }, "fine")).isEqualTo(42);
        assertThat(ATTEMPTS).hasValue(1);
    }
}

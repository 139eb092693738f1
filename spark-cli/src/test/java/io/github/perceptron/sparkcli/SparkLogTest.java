package io.github.perceptron.sparkcli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cluster failure's one line names Spark's log when Spark wrote its account there, and only then. */
class SparkLogTest {

    @TempDir
    Path dir;

    private final String before = System.getProperty(SparkLog.PROPERTY);

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(SparkLog.PROPERTY);
        } else {
            System.setProperty(SparkLog.PROPERTY, before);
        }
    }

    @Test
    void a_failure_names_the_log_spark_wrote_to() throws IOException {
        Path log = Files.writeString(dir.resolve("spark.log"), "WARN TaskSetManager: Lost task 0.0 in stage 1.0\n");
        System.setProperty(SparkLog.PROPERTY, log.toString());

        assertThat(SparkLog.failure("the cluster failed the work: Job aborted").getMessage())
                .isEqualTo("the cluster failed the work: Job aborted (Spark's log: " + log + ")");
    }

    @Test
    void a_log_spark_never_wrote_is_not_named() {
        System.setProperty(SparkLog.PROPERTY, dir.resolve("never-made.log").toString());

        assertThat(SparkLog.failure("the cluster failed the work: Job aborted").getMessage())
                .isEqualTo("the cluster failed the work: Job aborted");
    }

    @Test
    void each_process_gets_its_own_log_in_the_temporary_directory_unless_one_is_given() {
        System.clearProperty(SparkLog.PROPERTY);
        SparkLog.nameForThisProcess();
        assertThat(System.getProperty(SparkLog.PROPERTY)).isEqualTo(Path.of(System.getProperty("java.io.tmpdir"),
                "perceptron-spark-" + ProcessHandle.current().pid() + ".log").toString());

        System.setProperty(SparkLog.PROPERTY, "/var/log/mine.log");
        SparkLog.nameForThisProcess();
        assertThat(System.getProperty(SparkLog.PROPERTY)).isEqualTo("/var/log/mine.log");
    }
}

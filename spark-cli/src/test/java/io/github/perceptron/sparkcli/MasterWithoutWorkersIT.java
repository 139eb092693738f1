package io.github.perceptron.sparkcli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.perceptron.cli.IdxFixtures;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A master that is up but has no worker: the search fails in one line once the wait is over,
 * writing nothing; and Ctrl-C during that wait is a stop, not the wait's failure.
 */
class MasterWithoutWorkersIT {

    @TempDir
    Path dir;

    @Test
    void a_cluster_without_free_cores_fails_in_one_line_after_the_wait() throws Exception {
        Path data = IdxFixtures.dataset(dir, "digits", 200, 50);
        try (StandaloneCluster cluster = StandaloneCluster.start(dir, 0)) {
            Path err = dir.resolve("err.txt");
            long start = System.nanoTime();
            Process run = search(data, cluster, err, 3);
            assertThat(run.waitFor(90, TimeUnit.SECONDS)).isTrue();
            String errors = Files.readString(err, StandardCharsets.UTF_8);
            assertThat(run.exitValue()).as(errors).isEqualTo(1);
            assertThat(errors.lines().filter(line -> line.startsWith("perceptron")).toList()).singleElement().asString()
                    .isEqualTo("perceptron: --master " + cluster.url() + ": no executor joined within 3 s (is the master up "
                            + "at that address, with a worker that has free cores? -Dperceptron.spark.waitSeconds=N "
                            + "waits longer)");
            assertThat(errors).doesNotContain("\tat ");
            assertThat((System.nanoTime() - start) / 1e9).isLessThan(60);
            assertThat(dir.resolve("out/journal.jsonl")).as("no trial was journaled").doesNotExist();
        }
    }

    /**
     * Ctrl-C while the driver waited for an executor: Spark's shutdown hook stops the context, and
     * the wait took that for its deadline, saying "no executor joined within 60 s" after a few.
     */
    @Test
    void ctrl_c_while_waiting_for_an_executor_is_a_stop_not_an_expired_wait() throws Exception {
        Path data = IdxFixtures.dataset(dir, "digits", 200, 50);
        try (StandaloneCluster cluster = StandaloneCluster.start(dir, 0)) {
            Path err = dir.resolve("err.txt");
            Process run = search(data, cluster, err, 120);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (!cluster.logsOf("master").contains("Registering app")) {  // the driver is up and waiting
                assertThat(run.isAlive()).as(Files.readString(err, StandardCharsets.UTF_8)).isTrue();
                assertThat(System.nanoTime()).as("the driver registers within 90 s").isLessThan(deadline);
                Thread.sleep(50);
            }
            Thread.sleep(500);  // into the wait's loop: the registration is logged before the context returns
            assertThat(new ProcessBuilder("kill", "-INT", Long.toString(run.pid())).start().waitFor()).isZero();
            assertThat(run.waitFor(60, TimeUnit.SECONDS)).as(() -> stuck(run, err)).isTrue();
            String errors = Files.readString(err, StandardCharsets.UTF_8);
            assertThat(run.exitValue()).as(errors).isEqualTo(130);
            assertThat(errors).doesNotContain("no executor joined", "internal error", "\tat ");
            assertThat(errors.lines().filter(line -> line.startsWith("perceptron")).toList())
                    .allMatch(line -> line.equals("perceptron: --master " + cluster.url() + ": stopped while waiting for "
                            + "an executor (Ctrl-C or a signal); nothing was run"));
            assertThat(dir.resolve("out/journal.jsonl")).as("no trial was journaled").doesNotExist();
        }
    }

    /** What a driver that did not end says: its errors and its threads, before it is killed. */
    private static String stuck(Process run, Path err) {
        try {
            Process dump = new ProcessBuilder("jcmd", Long.toString(run.pid()), "Thread.print").redirectErrorStream(true).start();
            String threads = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return "the driver did not end within 60 s of SIGINT; its errors:\n" + Files.readString(err, StandardCharsets.UTF_8)
                    + "\nits threads:\n" + threads;
        } catch (java.io.IOException e) {
            return "the driver did not end within 60 s of SIGINT (" + e + ")";
        } finally {
            run.destroyForcibly();
        }
    }

    /** {@code ./perceptron-spark tune --master} on {@code cluster}, waiting at most {@code waitSeconds} for an executor. */
    private Process search(Path data, StandaloneCluster cluster, Path err, int waitSeconds) throws java.io.IOException {
        // With SIGINT's default action whatever this JVM inherited: a shell starts background jobs
        // with SIGINT ignored, and a driver started so ignores Ctrl-C, as Unix means it to (this test
        // failed whenever the suite itself ran in the background).
        ProcessBuilder builder = new ProcessBuilder(List.of("env", "--default-signal=INT",
                StandaloneClusterIT.ROOT.resolve("perceptron-spark").toString(),
                "tune", "--data", data.toString(), "--trials", "2", "--epochs", "1", "--master", cluster.url(),
                "--out", dir.resolve("out").toString()))
                .redirectError(err.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(StandaloneCluster.loopback());
        builder.environment().put("PERCEPTRON_JAVA_OPTS", "-D" + SparkContexts.WAIT_PROPERTY + "=" + waitSeconds);
        return builder.start();
    }
}

package io.github.perceptron.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.perceptron.core.testing.SyntheticImages;
import io.github.perceptron.persistence.JsonCheckpointStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C as users press it: SIGINT to the packaged jar in a child JVM, mid-run, then {@code --resume}. */
class InterruptIT {

    @TempDir
    Path dir;

    @Test
    void sigint_saves_a_checkpoint_says_how_to_resume_and_resume_finishes_the_run() throws Exception {
        Path data = Files.createDirectories(dir.resolve("digits"));
        IdxFixtures.write(data, "train", SyntheticImages.blobs(2000, 28, 28, 10, 1));
        IdxFixtures.write(data, "t10k", SyntheticImages.blobs(100, 28, 28, 10, 2));
        Path model = dir.resolve("model.json");
        Path checkpoint = dir.resolve("model.checkpoint.json");
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process training = new ProcessBuilder(command("train", "--data", data.toString(), "--layers", "784,64,10",
                "--epochs", "500", "--json", "-o", model.toString()))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        awaitEpochEvent(out, err, training);

        // perl rather than kill(1): perl-base is in every Debian, procps is not.
        assertThat(new ProcessBuilder("perl", "-e", "kill 'INT', " + training.pid() + " or die $!").start().waitFor())
                .isZero();

        assertThat(training.waitFor(60, TimeUnit.SECONDS)).as("stopped within 60 s of SIGINT").isTrue();
        String errors = ChildJvm.read(err);
        assertThat(training.exitValue()).as(errors).isEqualTo(130);
        assertThat(errors).contains("resume with: perceptron train --resume " + checkpoint + " --data " + data + " -o "
                + model + "\n").doesNotContain("\tat ");
        int stoppedAt = new JsonCheckpointStore().load(checkpoint).epoch();
        assertThat(stoppedAt).isBetween(1, 499);
        assertThat(model).doesNotExist();

        // Exactly the command the message gave, plus --json to follow it.
        Process resumed = new ProcessBuilder(command("train", "--resume", checkpoint.toString(), "--data", data.toString(),
                "-o", model.toString(), "--json")).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        // Resuming runs the checkpoint's plan to its end: kill it too once it is shown to continue.
        awaitEpochEvent(out, err, resumed);
        assertThat(ChildJvm.read(out)).contains("\"epoch\":" + (stoppedAt + 1) + ",");
        resumed.destroy();
        assertThat(resumed.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }

    /**
     * A child started from a background job inherits SIGINT ignored, and a JVM rightly leaves an
     * ignored signal alone; perl restores the default disposition before it execs the JVM.
     */
    private static List<String> command(String... args) {
        return ChildJvm.command(List.of("perl", "-e", "$SIG{INT} = 'DEFAULT'; exec @ARGV or die $!"), List.of(),
                ChildJvm.JAR, args);
    }

    private static void awaitEpochEvent(Path out, Path err, Process process) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!ChildJvm.read(out).contains("\"event\":\"epoch\"")) {
            assertThat(process.isAlive()).as("still training: %s", ChildJvm.read(err)).isTrue();
            assertThat(System.nanoTime()).as("an epoch within 60 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

}

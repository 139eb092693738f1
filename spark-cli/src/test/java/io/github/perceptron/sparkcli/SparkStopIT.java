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
 * SIGTERM to {@code ./perceptron-spark tune --master} while trials run: Spark's shutdown hook
 * stops its context under the search, which printed "internal error: IllegalStateException:
 * Cannot call methods on a stopped SparkContext" and about 45 lines of where it was made and
 * stopped. Now it is a stop, in one line saying how to resume, and the resume finishes the search
 * with the bits of one never stopped, run here.
 */
class SparkStopIT {

    @TempDir
    Path dir;

    @Test
    void a_signal_during_a_spark_search_is_a_stop_in_one_line_and_the_search_resumes() throws Exception {
        Path data = IdxFixtures.dataset(dir, "digits", 2000, 100);
        Path out = dir.resolve("out");
        List<String> command = List.of(StandaloneClusterIT.ROOT.resolve("perceptron-spark").toString(), "tune",
                "--data", data.toString(), "--layers", "784,64,10", "--epochs", "2", "--trials", "30",
                "--param", "lr=log:0.01:0.3", "--master", "local[2]", "--json", "--out", out.toString());
        Path err = dir.resolve("err.txt");
        Process run = new ProcessBuilder(command).redirectError(err.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        Path journal = out.resolve("journal.jsonl");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.exists(journal) || Files.readAllLines(journal).size() < 2) {  // the header and one trial
            assertThat(run.isAlive()).as(Files.readString(err, StandardCharsets.UTF_8)).isTrue();
            assertThat(System.nanoTime()).as("a trial within 120 s").isLessThan(deadline);
            Thread.sleep(50);
        }
        run.destroy();  // SIGTERM
        assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String errors = Files.readString(err, StandardCharsets.UTF_8);
        assertThat(run.exitValue()).as(errors).isEqualTo(143);
        assertThat(errors).doesNotContain("internal error", "IllegalStateException", "\tat ", "SparkContext.<init>");
        assertThat(errors.lines().filter(line -> line.startsWith("perceptron")).toList())
                .allMatch(line -> line.equals("perceptron: the search stopped: Spark was shut down (Ctrl-C or a signal); "
                        + "the journal keeps every finished trial: run the same command to resume"));

        Process resumed = new ProcessBuilder(command).redirectError(err.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        assertThat(resumed.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(resumed.exitValue()).as(Files.readString(err, StandardCharsets.UTF_8)).isZero();
        assertThat(Files.readAllLines(journal)).hasSize(31);

        List<String> here = new java.util.ArrayList<>(command.subList(1, command.size() - 5));
        here.addAll(List.of("--json", "--out", dir.resolve("whole").toString()));
        here.add(0, StandaloneClusterIT.ROOT.resolve("perceptron").toString());
        Process whole = new ProcessBuilder(here).redirectError(err.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        assertThat(whole.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(whole.exitValue()).as(Files.readString(err, StandardCharsets.UTF_8)).isZero();
        assertThat(trials(journal)).as("the stopped and resumed search against one never stopped")
                .isEqualTo(trials(dir.resolve("whole/journal.jsonl")));
    }

    /** Each trial's outcome, in trial order: what a resumed search must give bit for bit (not its seconds). */
    static List<String> trials(Path journal) throws java.io.IOException {
        return Files.readAllLines(journal).stream().skip(1)
                .map(line -> line.replaceAll("\"(checksum|seconds)\":[^,]*,", ""))
                .sorted(java.util.Comparator.comparingInt(line -> Integer.parseInt(line.replaceAll(".*\"trial\":(\\d+).*", "$1"))))
                .toList();
    }
}

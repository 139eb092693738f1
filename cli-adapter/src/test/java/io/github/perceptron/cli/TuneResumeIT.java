package io.github.perceptron.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.perceptron.core.testing.SyntheticImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A {@code tune} killed outright (SIGKILL) mid-search, run again: it reads its journal and ends as an uninterrupted one. */
class TuneResumeIT {

    @TempDir
    Path dir;

    @Test
    void a_killed_search_resumes_from_its_journal_to_the_uninterrupted_result() throws Exception {
        Path data = Files.createDirectories(dir.resolve("digits"));
        IdxFixtures.write(data, "train", SyntheticImages.blobs(1500, 28, 28, 10, 1));
        IdxFixtures.write(data, "t10k", SyntheticImages.blobs(100, 28, 28, 10, 2));
        Path killed = dir.resolve("killed");
        Path whole = dir.resolve("whole");

        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process first = new ProcessBuilder(ChildJvm.command(List.of(), List.of(), ChildJvm.JAR, args(data, killed)))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        Path journal = killed.resolve("journal.jsonl");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        // The header and one finished trial: kill before the search can end.
        while (!Files.exists(journal) || Files.readAllLines(journal).size() < 2) {
            assertThat(first.isAlive()).as("still searching: %s", ChildJvm.read(err)).isTrue();
            assertThat(System.nanoTime()).as("a trial within 90 s").isLessThan(deadline);
            Thread.sleep(20);
        }
        first.destroyForcibly();
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(ChildJvm.read(out)).doesNotContain("\"event\":\"done\"");
        int journaled = Files.readAllLines(journal).size() - 1;
        assertThat(journaled).isBetween(1, 5);

        ChildJvm.Result resumed = ChildJvm.run(ChildJvm.command(List.of(), List.of(), ChildJvm.JAR, args(data, killed)), dir);
        assertThat(resumed.code()).as(resumed.err()).isZero();
        ChildJvm.Result uninterrupted = ChildJvm.run(ChildJvm.command(List.of(), List.of(), ChildJvm.JAR, args(data, whole)), dir);
        assertThat(uninterrupted.code()).as(uninterrupted.err()).isZero();

        JsonNode after = last(resumed.out());
        JsonNode expected = last(uninterrupted.out());
        assertThat(after.get("resumed_trials").asInt()).isGreaterThanOrEqualTo(journaled);
        for (String field : List.of("best_trial", "best_params", "best_validation_accuracy", "test_accuracy", "trials")) {
            assertThat(after.get(field)).as(field).isEqualTo(expected.get(field));
        }
        assertThat(Files.readString(killed.resolve("trials.csv")).replaceAll(",[0-9.]+,(?=[^,]*\\n)", ","))
                .isEqualTo(Files.readString(whole.resolve("trials.csv")).replaceAll(",[0-9.]+,(?=[^,]*\\n)", ","));
    }

    private static String[] args(Path data, Path out) {
        List<String> args = new ArrayList<>(List.of("tune", "--data", data.toString(), "--layers", "784,64,10",
                "--epochs", "4", "--augment", "none", "--param", "lr=log:0.01:0.3", "--param", "dropout=0|0.2",
                "--trials", "6", "--json", "--out", out.toString()));
        return args.toArray(String[]::new);
    }

    private static JsonNode last(String out) throws Exception {
        String line = out.lines().reduce((a, b) -> b).orElseThrow();
        return new ObjectMapper().readTree(line);
    }

}

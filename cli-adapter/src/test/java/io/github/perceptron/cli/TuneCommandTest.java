package io.github.perceptron.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.perceptron.core.testing.SyntheticImages;
import io.github.perceptron.persistence.JsonModelStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code perceptron tune} through the command line: trials, report, files, journal, and its refusals. */
class TuneCommandTest {

    @TempDir
    static Path dir;

    private static Path data;
    private static Map<String, String> environment;
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void writeData() throws IOException {
        data = Files.createDirectories(dir.resolve("digits"));
        IdxFixtures.write(data, "train", SyntheticImages.blobs(500, 28, 28, 10, 1));
        IdxFixtures.write(data, "t10k", SyntheticImages.blobs(100, 28, 28, 10, 2));
        environment = Map.of("PERCEPTRON_DATA", dir.resolve("cache").toString());
    }

    private static List<String> tune(Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("tune", "--data", data.toString(), "--layers", "784,16,10",
                "--epochs", "2", "--augment", "none", "--dropout", "0", "--param", "lr=log:0.01:0.3",
                "--param", "momentum=0.8|0.9", "--trials", "3", "--json", "--out", out.toString()));
        args.addAll(List.of(more));
        return args;
    }

    @Test
    void tune_scores_trials_on_held_out_images_and_writes_its_report_files_and_model() throws IOException {
        Path out = dir.resolve("run");
        CommandLineRun run = CommandLineRun.of(environment, tune(out).toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<JsonNode> events = run.out().lines().map(TuneCommandTest::parse).toList();
        assertThat(events).extracting(e -> e.get("event").asText()).containsExactly("trial", "trial", "trial", "done");
        JsonNode done = events.get(3);
        int best = done.get("best_trial").asInt();
        JsonNode bestTrial = events.get(best - 1);
        assertThat(done.get("best_params")).isEqualTo(bestTrial.get("params"));
        assertThat(done.get("best_validation_accuracy").asDouble()).isEqualTo(
                events.subList(0, 3).stream().mapToDouble(e -> e.get("validation_accuracy").asDouble()).max().orElseThrow());
        assertThat(done.get("test_accuracy").asDouble()).isBetween(0.0, 1.0);
        assertThat(done.get("trials").asInt()).isEqualTo(3);
        assertThat(events.get(0).get("params").fieldNames()).toIterable().containsExactly("lr", "momentum");

        assertThat(Files.readAllLines(out.resolve("trials.csv"))).hasSize(4)
                .first().isEqualTo("trial,lr,momentum,validation_accuracy,validation_loss,kept_epoch,seconds,failure");
        String report = Files.readString(out.resolve("report.md"));
        assertThat(report).contains("| trial | lr | momentum |", "(winner)", "test accuracy", "./perceptron train ",
                "the test set was used once").doesNotContain(dir.resolve("cache").toString());
        assertThat(ImageIO.read(out.resolve("scores.png").toFile()).getWidth()).isGreaterThan(500);
        assertThat(new JsonModelStore().load(out.resolve("model.json")).spec().sizes()).containsExactly(784, 16, 10);
        assertThat(Files.readAllLines(out.resolve("journal.jsonl"))).hasSize(4);

        // The same command again: every trial comes from the journal, and the result is the same.
        CommandLineRun again = CommandLineRun.of(environment, tune(out).toArray(String[]::new));
        assertThat(again.exitCode()).as(again.err()).isZero();
        List<JsonNode> replayed = again.out().lines().map(TuneCommandTest::parse).toList();
        assertThat(replayed.subList(0, 3)).allSatisfy(e -> assertThat(e.get("resumed").asBoolean()).isTrue());
        assertThat(replayed.get(3).get("test_accuracy")).isEqualTo(done.get("test_accuracy"));
        assertThat(replayed.get(3).get("resumed_trials").asInt()).isEqualTo(3);

        // Another search in the same directory is refused rather than mixed in.
        CommandLineRun other = CommandLineRun.of(environment, tune(out, "--seed", "2").toArray(String[]::new));
        assertThat(other.exitCode()).as(other.err()).isEqualTo(1);
        assertThat(other.err()).contains("journal.jsonl: belongs to another search").doesNotContain("\tat ");
    }

    @Test
    void a_grid_walks_listed_values_and_cross_validation_scores_folds() throws IOException {
        Path out = dir.resolve("grid");
        CommandLineRun run = CommandLineRun.of(environment, "tune", "--data", data.toString(), "--layers", "784,16,10",
                "--epochs", "1", "--augment", "none", "--dropout", "0", "--search", "grid", "--param", "lr=0.05|0.1",
                "--param", "batch=50|100", "--folds", "2", "--trials", "10", "-q", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readAllLines(out.resolve("trials.csv"))).hasSize(5)
                .anySatisfy(line -> assertThat(line).startsWith("4,0.1,100,"));
        assertThat(run.out()).contains("best: trial ", "test accuracy");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--param bogus=1|2", "--param lr", "--search grid --param lr=log:0.01:0.1",
        "--search sideways", "--time-budget 5x", "--time-budget 0s", "--trials 0", "--folds 0", "--validation 0",
        "--param lr=log:a:b", "--param layers=784,16,10|", "--param lr=-1|0.1"})
    void usage_errors_exit_2_before_any_training(String args) {
        List<String> command = new ArrayList<>(List.of("tune", "--data", data.toString(), "--epochs", "1", "--out",
                dir.resolve("bad").toString()));
        command.addAll(List.of(args.split(" ")));
        CommandLineRun run = CommandLineRun.of(environment, command.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).doesNotContain("\tat ");
        assertThat(dir.resolve("bad").resolve("journal.jsonl")).doesNotExist();
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError(line, e);
        }
    }
}

package io.github.perceptron.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code train --shards P --local-steps K} through the command line, here; and what it refuses. */
class ShardedTrainTest {

    @TempDir
    static Path dir;
    private static Path data;
    private static Map<String, String> environment;
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void writeData() throws IOException {
        data = IdxFixtures.dataset(dir, "digits", 600, 100);
        environment = Map.of("PERCEPTRON_DATA", dir.resolve("cache").toString());
    }

    private static CommandLineRun train(String model, String... more) {
        List<String> args = new ArrayList<>(List.of("train", "--data", data.toString(), "--layers", "784,16,10",
                "--epochs", "2", "--batch", "50", "--dropout", "0.1", "--augment", "shift", "--json",
                "-o", dir.resolve(model).toString()));
        args.addAll(List.of(more));
        return CommandLineRun.of(environment, args.toArray(String[]::new));
    }

    @Test
    void one_shard_is_the_ordinary_run_bit_for_bit_and_says_how_it_was_trained() throws IOException {
        CommandLineRun ordinary = train("ordinary.json");
        CommandLineRun sharded = train("one-shard.json", "--shards", "1", "--local-steps", "5");
        assertThat(ordinary.exitCode()).as(ordinary.err()).isZero();
        assertThat(sharded.exitCode()).as(sharded.err()).isZero();
        JsonNode mine = JSON.readTree(dir.resolve("one-shard.json").toFile());
        assertThat(mine.get("parameters")).isEqualTo(JSON.readTree(dir.resolve("ordinary.json").toFile()).get("parameters"));
        assertThat(mine.at("/metadata/provenance/plan/dataParallel"))
                .isEqualTo(JSON.readTree("{\"shards\": 1, \"localSteps\": 5, \"method\": \"parameter averaging\"}"));
        assertThat(last(sharded).get("test_accuracy")).isEqualTo(last(ordinary).get("test_accuracy"));
    }

    @Test
    void shards_refuse_an_input_normalisation_in_one_line_and_save_nothing() {
        CommandLineRun refused = train("normalised.json", "--shards", "2", "--normalise", "deskew");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).isEqualToIgnoringNewLines("perceptron: data-parallel training does not normalise its "
                + "shards' images: train with --normalise deskew on one machine, or as committee members");
        assertThat(dir.resolve("normalised.json")).doesNotExist();
    }

    @Test
    void three_shards_learn_and_give_the_same_bits_on_any_thread_count() throws IOException {
        CommandLineRun one = train("three-1.json", "--shards", "3", "--local-steps", "2", "--threads", "1");
        CommandLineRun two = train("three-2.json", "--shards", "3", "--local-steps", "2", "--threads", "2");
        assertThat(one.exitCode()).as(one.err()).isZero();
        assertThat(two.exitCode()).as(two.err()).isZero();
        assertThat(JSON.readTree(dir.resolve("three-2.json").toFile()).get("parameters"))
                .isEqualTo(JSON.readTree(dir.resolve("three-1.json").toFile()).get("parameters"));
        assertThat(last(one).get("test_accuracy").asDouble()).isGreaterThan(0.5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--validation=0.1", "--patience=3", "--checkpoint-every=1", "--resume=x.json"})
    void options_data_parallel_runs_do_not_have_are_usage_errors(String option) {
        CommandLineRun run = train("refused.json", "--shards", "2", option);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(option.substring(0, option.indexOf('=')) + " is not available with --shards");
    }

    @Test
    void local_steps_or_a_master_without_shards_and_a_master_here_are_usage_errors() {
        assertThat(train("x.json", "--local-steps", "3").err()).contains("--local-steps goes with --shards P");
        CommandLineRun here = train("x.json", "--shards", "2", "--master", "local[2]");
        assertThat(here.exitCode()).isEqualTo(2);
        assertThat(here.err()).contains("--master needs the Spark build of perceptron");
    }

    private static JsonNode last(CommandLineRun run) throws IOException {
        return JSON.readTree(run.out().lines().reduce((a, b) -> b).orElseThrow());
    }
}

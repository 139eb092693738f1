package io.github.perceptron.sparkcli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.perceptron.cli.IdxFixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code perceptron-spark train --committee N --master local[2]}: each member a Spark task, and each
 * the network {@code train --seed S+k} (with its layers and normalisation) makes alone here, bit for
 * bit; the committee the same file.
 */
class SparkCommitteeTest {

    @TempDir
    static Path dir;
    private static Path data;
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void writeData() throws IOException {
        data = IdxFixtures.dataset(dir, "digits", 400, 100);
    }

    private static SparkCommandsTest.Run train(String model, String... more) {
        List<String> args = new ArrayList<>(List.of("train", "--data", data.toString(), "--epochs", "2", "--batch", "50", "--validation", "50", "--json", "-o", dir.resolve(model).toString()));
        args.addAll(List.of(more));
        return SparkCommandsTest.perceptronSpark(dir, args.toArray(String[]::new));
    }

    @Test
    void each_member_on_spark_is_the_network_its_seed_trains_alone_here() throws IOException {
        SparkCommandsTest.Run spark = train("spark.json", "--committee", "3", "--seed", "4",
                "--committee-layers", "784,16,10|784,20,10", "--committee-normalise", "none|deskew|width12",
                "--master", "local[2]");
        assertThat(spark.code()).as(spark.err()).isZero();
        JsonNode members = JSON.readTree(dir.resolve("spark.json").toFile()).get("members");
        assertThat(members).hasSize(3);
        String[] layers = {"784,16,10", "784,20,10", "784,16,10"};
        String[] normalisations = {"none", "deskew", "width12"};
        for (int k = 0; k < 3; k++) {
            SparkCommandsTest.Run alone = train("alone-" + k + ".json", "--seed", Integer.toString(4 + k), "--layers",
                    layers[k], "--normalise", normalisations[k]);
            assertThat(alone.code()).as(alone.err()).isZero();
            assertThat(members.get(k).get("parameters")).as("member %d's weights", k + 1)
                    .isEqualTo(JSON.readTree(dir.resolve("alone-" + k + ".json").toFile()).get("parameters"));
        }
        assertThat(members.get(2).at("/architecture/input/normalisation").asText()).isEqualTo("width12");
        SparkCommandsTest.Run here = train("here.json", "--committee", "3", "--seed", "4",
                "--committee-layers", "784,16,10|784,20,10", "--committee-normalise", "none|deskew|width12");
        assertThat(here.code()).as(here.err()).isZero();
        assertThat(last(spark).get("weights")).as("the committee's digest").isEqualTo(last(here).get("weights"));
        assertThat(last(spark).get("test_accuracy")).isEqualTo(last(here).get("test_accuracy"));
    }

    private static JsonNode last(SparkCommandsTest.Run run) {
        List<JsonNode> events = run.events();
        return events.get(events.size() - 1);
    }
}

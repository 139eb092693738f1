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

/**
 * {@code --normalise} and {@code --committee-normalise} through the command line: a member that
 * sees the digits normalised is the network {@code train --normalise K --seed S+k} makes alone, bit
 * for bit; the file says how each member normalises, and every command reading it does the same.
 */
class NormaliseOptionTest {

    @TempDir
    static Path dir;
    private static Path data;
    private static Map<String, String> environment;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static CommandLineRun committee;

    @BeforeAll
    static void trainCommittee() throws IOException {
        data = IdxFixtures.dataset(dir, "digits", 400, 100);
        environment = Map.of("PERCEPTRON_DATA", dir.resolve("cache").toString());
        committee = train("committee.json", "--committee", "2", "--seed", "3", "--committee-normalise", "deskew|width12");
        assertThat(committee.exitCode()).as(committee.err()).isZero();
    }

    private static CommandLineRun train(String model, String... more) {
        List<String> args = new ArrayList<>(List.of("train", "--data", data.toString(), "--layers", "784,12,10",
                "--epochs", "2", "--batch", "50", "--json", "-o", dir.resolve(model).toString()));
        args.addAll(List.of(more));
        return CommandLineRun.of(environment, args.toArray(String[]::new));
    }

    @Test
    void each_normalising_member_is_the_network_train_normalise_makes_alone() throws IOException {
        JsonNode members = JSON.readTree(dir.resolve("committee.json").toFile()).get("members");
        String[] kinds = {"deskew", "width12"};
        for (int k = 0; k < 2; k++) {
            CommandLineRun alone = train("alone-" + k + ".json", "--seed", Long.toString(3 + k), "--normalise", kinds[k]);
            assertThat(alone.exitCode()).as(alone.err()).isZero();
            JsonNode single = JSON.readTree(dir.resolve("alone-" + k + ".json").toFile());
            assertThat(members.get(k).get("parameters")).as("member %d's weights", k + 1).isEqualTo(single.get("parameters"));
            assertThat(members.get(k).at("/architecture/input/normalisation").asText()).isEqualTo(kinds[k]);
            assertThat(single.at("/metadata/provenance/plan/inputNormalisation").asText()).isEqualTo(kinds[k]);
            assertThat(single.get("formatVersion").asInt()).isEqualTo(5);
        }
        CommandLineRun plain = train("plain.json", "--seed", "3");
        assertThat(JSON.readTree(dir.resolve("plain.json").toFile()).get("parameters"))
                .as("the normalisation changes what the network learns").isNotEqualTo(members.get(0).get("parameters"));
        assertThat(plain.exitCode()).isZero();
    }

    @Test
    void the_file_is_version_5_and_info_evaluate_predict_and_export_take_it() throws IOException {
        String model = dir.resolve("committee.json").toString();
        assertThat(JSON.readTree(dir.resolve("committee.json").toFile()).get("formatVersion").asInt()).isEqualTo(5);

        CommandLineRun info = CommandLineRun.of(environment, "info", "-m", model);
        assertThat(info.out()).containsPattern("member 1 +\\[784, 12, 10\\] deskew, seed 3")
                .containsPattern("member 2 +\\[784, 12, 10\\] width12, seed 4")
                .contains("inputNormalisations=deskew; width12");

        CommandLineRun evaluated = CommandLineRun.of(environment, "evaluate", "--data", data.toString(), "-m", model, "--json");
        JsonNode done = JSON.readTree(committee.out().lines().reduce((a, b) -> b).orElseThrow());
        assertThat(JSON.readTree(evaluated.out()).get("accuracy").asDouble())
                .as("evaluate normalises as training did").isEqualTo(done.get("test_accuracy").asDouble());

        Path image = dir.resolve("bar.png");
        java.awt.image.BufferedImage bar = new java.awt.image.BufferedImage(28, 28, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 4; y < 24; y++) {
            bar.getRaster().setSample(10 + y / 4, y, 0, 255);
        }
        javax.imageio.ImageIO.write(bar, "png", image.toFile());
        CommandLineRun predicted = CommandLineRun.of(environment, "predict", "-m", model, image.toString());
        assertThat(predicted.exitCode()).as(predicted.err()).isZero();

        Path onnx = dir.resolve("committee.onnx");
        CommandLineRun exported = CommandLineRun.of(environment, "export", "-m", model, "--format", "onnx", "--out",
                onnx.toString());
        assertThat(exported.exitCode()).as(exported.err()).isZero();
        assertThat(exported.out()).contains("the Mean of 2 members");
        assertThat(onnx).isNotEmptyFile();
    }

    @Test
    void the_five_preset_gives_each_member_its_normalisation_unless_one_is_typed() throws IOException {
        CommandLineRun preset = train("preset.json", "--preset", "committee-five", "--committee", "3");
        assertThat(preset.exitCode()).as(preset.err()).isZero();
        JsonNode members = JSON.readTree(dir.resolve("preset.json").toFile()).get("members");
        assertThat(members.get(0).at("/architecture/input").has("normalisation")).as("member 1: as they are").isFalse();
        assertThat(members.get(1).at("/architecture/input/normalisation").asText()).isEqualTo("deskew");
        assertThat(members.get(2).at("/architecture/input/normalisation").asText()).isEqualTo("width12");

        CommandLineRun typed = train("typed.json", "--preset", "committee-five", "--committee", "2",
                "--normalise", "none");
        assertThat(typed.exitCode()).as(typed.err()).isZero();
        JsonNode plainMembers = JSON.readTree(dir.resolve("typed.json").toFile()).get("members");
        assertThat(plainMembers.get(1).at("/architecture/input").has("normalisation")).as("typed options win").isFalse();
    }

    @Test
    void a_bad_normalisation_is_one_line_naming_the_option() {
        CommandLineRun bad = train("x.json", "--normalise", "skew");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).startsWith("perceptron train: --normalise: 'skew' is not a normalisation: none, deskew or widthN")
                .doesNotContain("\tat ");
        CommandLineRun alone = train("x.json", "--committee-normalise", "deskew");
        assertThat(alone.exitCode()).isEqualTo(2);
        assertThat(alone.err()).contains("--committee-normalise goes with --committee N");
        CommandLineRun badMember = train("x.json", "--committee", "2", "--committee-normalise", "deskew|width0");
        assertThat(badMember.exitCode()).isEqualTo(2);
        assertThat(badMember.err()).contains("--normalise: 'width0' is not a normalisation: widthN takes N = 2..1024 pixels");
    }
}

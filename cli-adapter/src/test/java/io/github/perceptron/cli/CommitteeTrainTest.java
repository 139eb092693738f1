package io.github.perceptron.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train --committee N} through the command line: member k is the network {@code train --seed
 * S+k} makes alone, bit for bit; the committee is one file that {@code evaluate}, {@code predict},
 * {@code info} and {@code export} take; a run finding members an earlier run finished keeps them.
 */
class CommitteeTrainTest {

    @TempDir
    static Path dir;
    private static Path data;
    private static Map<String, String> environment;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static CommandLineRun committee;

    @BeforeAll
    static void trainCommittee() throws IOException {
        data = IdxFixtures.dataset(dir, "digits", 600, 100);
        environment = Map.of("PERCEPTRON_DATA", dir.resolve("cache").toString());
        committee = train("committee.json", "--committee", "3", "--seed", "5", "--committee-layers",
                "784,16,10|784,24,10", "--validation", "100", "--patience", "1");
        assertThat(committee.exitCode()).as(committee.err()).isZero();
    }

    private static CommandLineRun train(String model, String... more) {
        List<String> args = new ArrayList<>(List.of("train", "--data", data.toString(), "--epochs", "3", "--batch", "50",
                "--json", "-o", dir.resolve(model).toString()));
        args.addAll(List.of(more));
        return CommandLineRun.of(environment, args.toArray(String[]::new));
    }

    @Test
    void each_member_is_the_network_its_seed_trains_alone_bit_for_bit() throws IOException {
        JsonNode members = JSON.readTree(dir.resolve("committee.json").toFile()).get("members");
        assertThat(members).hasSize(3);
        String[] layers = {"784,16,10", "784,24,10", "784,16,10"};
        for (int k = 0; k < 3; k++) {
            CommandLineRun alone = train("alone-" + k + ".json", "--seed", Long.toString(5 + k), "--layers", layers[k],
                    "--validation", "100", "--patience", "1");
            assertThat(alone.exitCode()).as(alone.err()).isZero();
            JsonNode single = JSON.readTree(dir.resolve("alone-" + k + ".json").toFile());
            assertThat(members.get(k).get("parameters")).as("member %d's weights", k + 1).isEqualTo(single.get("parameters"));
            assertThat(members.get(k).at("/metadata/provenance/plan")).isEqualTo(single.at("/metadata/provenance/plan"));
            assertThat(members.get(k).at("/metadata/provenance/keptEpoch"))
                    .as("chosen on the validation images, as alone").isEqualTo(single.at("/metadata/provenance/keptEpoch"));
        }
    }

    @Test
    void it_reports_each_member_then_the_committee_and_leaves_one_file() throws IOException {
        List<JsonNode> events = new ArrayList<>();
        for (String line : committee.out().lines().toList()) {
            events.add(JSON.readTree(line));
        }
        assertThat(events).extracting(event -> event.get("event").asText()).containsExactly("member", "member", "member", "done");
        assertThat(events.get(0).get("seed").asLong()).isEqualTo(5);
        assertThat(events.get(1).get("layers").toString()).isEqualTo("[784,24,10]");
        assertThat(events.get(3).get("members").asInt()).isEqualTo(3);
        assertThat(dir.resolve("committee.json.members")).as("the members' files, once the committee is saved").doesNotExist();
        JsonNode file = JSON.readTree(dir.resolve("committee.json").toFile());
        assertThat(file.get("formatVersion").asInt()).isEqualTo(4);
        assertThat(file.at("/metadata/testAccuracy").asDouble()).isEqualTo(events.get(3).get("test_accuracy").asDouble());
    }

    @Test
    void evaluate_predict_info_and_export_take_the_committee() throws IOException {
        String model = dir.resolve("committee.json").toString();
        CommandLineRun evaluated = CommandLineRun.of(environment, "evaluate", "--data", data.toString(), "-m", model, "--json");
        assertThat(evaluated.exitCode()).as(evaluated.err()).isZero();
        JsonNode done = JSON.readTree(committee.out().lines().reduce((a, b) -> b).orElseThrow());
        JsonNode figures = JSON.readTree(evaluated.out());
        assertThat(figures.get("accuracy").asDouble()).isEqualTo(done.get("test_accuracy").asDouble());
        assertThat(figures.get("members")).hasSize(3);
        assertThat(figures.get("first_members")).hasSize(3);
        assertThat(figures.at("/first_members/2/accuracy")).as("the first three are the committee").isEqualTo(figures.get("accuracy"));
        JsonNode alone = JSON.readTree(dir.resolve("committee.json").toFile()).at("/members/0/metadata/testAccuracy");
        assertThat(figures.at("/members/0/accuracy").asDouble()).isEqualTo(alone.asDouble());
        assertThat(figures.at("/first_members/0/accuracy")).as("a committee of one is its member").isEqualTo(figures.at("/members/0/accuracy"));
        CommandLineRun table = CommandLineRun.of(environment, "evaluate", "--data", data.toString(), "-m", model);
        assertThat(table.out()).containsPattern("the committee \\d+\\.\\d\\d% against its best member's \\d+\\.\\d\\d% \\(member \\d\\)");

        CommandLineRun info = CommandLineRun.of(environment, "info", "-m", model);
        assertThat(info.exitCode()).as(info.err()).isZero();
        assertThat(info.out()).contains("committee    3 members").containsPattern("member 2 +\\[784, 24, 10\\], seed 6, epoch \\d+ kept");
        JsonNode described = JSON.readTree(CommandLineRun.of(environment, "info", "-m", model, "--json").out());
        assertThat(described.get("kind").asText()).isEqualTo("committee");
        assertThat(described.get("members")).hasSize(3);

        Path image = dir.resolve("one.png");
        javax.imageio.ImageIO.write(bar(), "png", image.toFile());
        CommandLineRun predicted = CommandLineRun.of(environment, "predict", "-m", model, image.toString());
        assertThat(predicted.exitCode()).as(predicted.err()).isZero();

        Path onnx = dir.resolve("committee.onnx");
        CommandLineRun exported = CommandLineRun.of(environment, "export", "-m", model, "--format", "onnx", "--out",
                onnx.toString());
        assertThat(exported.exitCode()).as(exported.err()).isZero();
        assertThat(exported.out()).contains("the Mean of 3 members");
    }

    @Test
    void members_an_earlier_run_finished_are_kept_and_the_committee_is_the_same() throws IOException {
        Path members = Files.createDirectories(dir.resolve("resumed.json.members"));
        CommandLineRun first = train("resumed.json.members/member-2.json", "--seed", "6", "--layers", "784,24,10",
                "--validation", "100", "--patience", "1");
        assertThat(first.exitCode()).as(first.err()).isZero();
        Files.writeString(members.resolve("member-3.json"), "{\"format\": \"perceptron-model\", \"cut short");

        CommandLineRun resumed = train("resumed.json", "--committee", "3", "--seed", "5", "--committee-layers",
                "784,16,10|784,24,10", "--validation", "100", "--patience", "1");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out().lines().filter(line -> line.contains("\"event\":\"member\"")).count())
                .as("member 2 kept; member 3's torn file trained again").isEqualTo(2);
        JsonNode again = JSON.readTree(dir.resolve("resumed.json").toFile()).get("members");
        JsonNode whole = JSON.readTree(dir.resolve("committee.json").toFile()).get("members");
        for (int k = 0; k < 3; k++) {
            assertThat(again.get(k).get("parameters")).as("member %d", k + 1).isEqualTo(whole.get(k).get("parameters"));
        }
    }

    @Test
    void a_larger_committee_on_a_saved_one_trains_only_the_new_members() throws IOException {
        Path grown = Files.copy(dir.resolve("committee.json"), dir.resolve("grown.json"));
        CommandLineRun more = train("grown.json", "--committee", "4", "--seed", "5", "--committee-layers",
                "784,16,10|784,24,10", "--validation", "100", "--patience", "1");
        assertThat(more.exitCode()).as(more.err()).isZero();
        assertThat(more.out().lines().filter(line -> line.contains("\"event\":\"member\"")).toList())
                .singleElement().asString().contains("\"member\":4");
        JsonNode before = JSON.readTree(dir.resolve("committee.json").toFile()).get("members");
        JsonNode after = JSON.readTree(grown.toFile()).get("members");
        assertThat(after).hasSize(4);
        for (int k = 0; k < 3; k++) {
            assertThat(after.get(k).get("parameters")).as("member %d kept", k + 1).isEqualTo(before.get(k).get("parameters"));
        }
    }

    @Test
    void what_a_committee_cannot_do_is_a_usage_error() {
        assertThat(train("x.json", "--committee", "0").err()).contains("--committee must be in 1..64, was 0");
        assertThat(train("x.json", "--committee-layers", "784,10").err()).contains("--committee-layers goes with --committee N");
        CommandLineRun resume = train("x.json", "--committee", "2", "--checkpoint-every", "1");
        assertThat(resume.exitCode()).isEqualTo(2);
        assertThat(resume.err()).contains("--checkpoint-every is not available with --committee");
    }

    @Test
    void the_committee_preset_is_record_networks_and_typed_options_win() throws IOException {
        CommandLineRun preset = train("preset.json", "--preset", "committee", "--layers", "784,8,10");
        assertThat(preset.exitCode()).as(preset.err()).isZero();
        JsonNode committee = JSON.readTree(dir.resolve("preset.json").toFile());
        assertThat(committee.get("members")).as("the preset's pair").hasSize(2);
        JsonNode plan = committee.at("/members/1/metadata/provenance/plan");
        assertThat(plan.get("layers").toString()).as("typed").isEqualTo("[784,8,10]");
        assertThat(plan.get("seed").asLong()).isEqualTo(2);
        assertThat(plan.at("/augmentation/elasticAlpha").asDouble()).as("Cireşan's field, from the preset").isEqualTo(37.0);
        assertThat(plan.at("/augmentation/elasticSigma").asDouble()).isEqualTo(5.5);
        assertThat(plan.at("/augmentation/maxShift").asDouble()).isEqualTo(2.0);
        assertThat(committee.at("/members/1/architecture/input").has("normalisation")).as("seeds alone").isFalse();
        assertThat(plan.at("/optimizer/type").asText()).isEqualTo("nesterov");
        assertThat(plan.get("batchSize").asInt()).as("typed: --batch 50").isEqualTo(50);
        assertThat(plan.get("labelSmoothing").asDouble()).as("none: it made committees worse").isZero();

        assertThat(train("x.json", "--preset", "fastest").err()).contains("--preset: unknown preset 'fastest', expected committee or committee-five");
    }

    @Test
    void a_member_that_diverges_fails_in_one_line_naming_it_and_leaves_nothing_behind() {
        CommandLineRun diverged = train("diverged.json", "--committee", "2", "--lr", "1e30", "--augment", "none");
        assertThat(diverged.exitCode()).isEqualTo(1);
        assertThat(diverged.err()).matches("perceptron: member [12]: training diverged at epoch \\d+, batch \\d+: .*\\R")
                .doesNotContain("\tat ");
        assertThat(dir.resolve("diverged.json")).doesNotExist();
        assertThat(dir.resolve("diverged.json.members")).as("no member finished: no directory for them").doesNotExist();
    }

    @Test
    void a_member_that_cannot_be_saved_fails_in_one_line_and_leaves_no_temporary_file() throws IOException {
        Path members = dir.resolve("blocked.json.members");
        Files.createDirectories(members.resolve("member-1.json").resolve("in the way"));
        CommandLineRun blocked = train("blocked.json", "--committee", "1");
        assertThat(blocked.exitCode()).isEqualTo(1);
        assertThat(blocked.err()).isEqualToIgnoringNewLines("perceptron: " + members.resolve("member-1.json")
                + ": cannot save a committee member: Is a directory");
        assertThat(members.resolve("member-1.json.tmp")).as("the half-saved member").doesNotExist();
        assertThat(dir.resolve("blocked.json")).doesNotExist();
    }

    /** A 28×28 grey image of a vertical bar. */
    private static java.awt.image.BufferedImage bar() {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(28, 28,
                java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        for (int row = 4; row < 24; row++) {
            image.getRaster().setSample(14, row, 0, 255);
        }
        return image;
    }
}

package io.github.perceptron.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.perceptron.core.testing.SyntheticImages;
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
 * {@code combine}: networks saved by separate runs become one committee, the very one
 * {@code train --committee} makes of the same networks; what would not make an honest committee is
 * refused in one line naming the files, and nothing is written.
 */
class CombineCommandTest {

    @TempDir
    static Path dir;
    private static Path data;
    private static Map<String, String> environment;
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void trainNetworks() throws IOException {
        data = IdxFixtures.dataset(dir, "digits", 600, 100);
        environment = Map.of("PERCEPTRON_DATA", dir.resolve("cache").toString());
        // Members 1-2 in one run, member 3 (deskewed) alone, and all three in one committee run.
        succeeds(train("pair.json", "--committee", "2", "--seed", "5"));
        succeeds(train("third.json", "--seed", "7", "--normalise", "deskew"));
        succeeds(train("whole.json", "--committee", "3", "--seed", "5", "--committee-normalise", "none|none|deskew"));
    }

    private static CommandLineRun train(String model, String... more) {
        List<String> args = new ArrayList<>(List.of("train", "--data", data.toString(), "--epochs", "2", "--batch", "50",
                "--layers", "784,16,10", "-o", dir.resolve(model).toString()));
        args.addAll(List.of(more));
        return CommandLineRun.of(environment, args.toArray(String[]::new));
    }

    private static CommandLineRun combine(String... args) {
        List<String> all = new ArrayList<>(List.of("combine"));
        all.addAll(List.of(args));
        return CommandLineRun.of(environment, all.toArray(String[]::new));
    }

    private static CommandLineRun succeeds(CommandLineRun run) {
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run;
    }

    private static String file(String name) {
        return dir.resolve(name).toString();
    }

    @Test
    void a_combined_committee_answers_as_the_one_train_makes_of_the_same_networks() throws IOException {
        CommandLineRun combined = succeeds(combine("-o", file("combined.json"), file("pair.json"), file("third.json")));
        assertThat(combined.out()).contains("saved a committee of 3 members to " + file("combined.json"))
                .containsPattern("member 3 +.*third\\.json: \\[784, 16, 10\\] deskew, seed 7, 2 epochs, test accuracy")
                .contains("measure it with: perceptron evaluate -m " + file("combined.json"));

        JsonNode made = JSON.readTree(dir.resolve("combined.json").toFile());
        JsonNode whole = JSON.readTree(dir.resolve("whole.json").toFile());
        assertThat(made.get("kind").asText()).isEqualTo("committee");
        for (int k = 0; k < 3; k++) {
            assertThat(made.at("/members/" + k + "/parameters")).as("member %d", k + 1)
                    .isEqualTo(whole.at("/members/" + k + "/parameters"));
            assertThat(made.at("/members/" + k + "/metadata/provenance/plan")).as("member %d keeps its own record", k + 1)
                    .isEqualTo(whole.at("/members/" + k + "/metadata/provenance/plan"));
        }
        JsonNode committee = made.at("/metadata/provenance/plan/committee");
        assertThat(committee.get("seeds").toString()).isEqualTo("[5,6,7]");
        assertThat(committee.get("inputNormalisations").toString()).isEqualTo("[\"none\",\"none\",\"deskew\"]");
        assertThat(committee.at("/combinedFrom/0/file").asText()).isEqualTo("pair.json");
        assertThat(committee.at("/combinedFrom/0/members").asInt()).isEqualTo(2);
        assertThat(made.at("/metadata/testAccuracy").isMissingNode() || made.at("/metadata/testAccuracy").isNull())
                .as("nothing is measured by combine").isTrue();

        JsonNode ours = JSON.readTree(succeeds(CommandLineRun.of(environment, "evaluate", "--data", data.toString(), "-m",
                file("combined.json"), "--json")).out());
        JsonNode theirs = JSON.readTree(succeeds(CommandLineRun.of(environment, "evaluate", "--data", data.toString(), "-m",
                file("whole.json"), "--json")).out());
        assertThat(ours.get("loss")).as("the same probabilities, to the bit").isEqualTo(theirs.get("loss"));
        assertThat(ours.get("first_members")).isEqualTo(theirs.get("first_members"));
        assertThat(succeeds(CommandLineRun.of(environment, "info", "-m", file("combined.json"))).out())
                .contains("committee    3 members").containsPattern("member 3 +\\[784, 16, 10\\] deskew, seed 7");
    }

    @Test
    void a_committee_combines_with_another_in_the_order_given() throws IOException {
        succeeds(combine("-o", file("reversed.json"), file("third.json"), file("pair.json")));
        JsonNode made = JSON.readTree(dir.resolve("reversed.json").toFile());
        assertThat(made.at("/metadata/provenance/plan/committee/seeds").toString()).isEqualTo("[7,5,6]");
        assertThat(made.at("/members/0/architecture/input/normalisation").asText()).isEqualTo("deskew");
    }

    @Test
    void what_would_not_make_an_honest_committee_is_refused_in_one_line_and_nothing_is_written() throws IOException {
        CommandLineRun copy = combine("-o", file("copy.json"), file("pair.json"), file("whole.json"));
        assertThat(copy.exitCode()).isEqualTo(1);
        assertThat(copy.err()).isEqualToIgnoringNewLines("perceptron: " + file("whole.json") + " (member 1) is the same "
                + "network as " + file("pair.json") + " (member 1) (" + weights("pair.json", 0)
                + "); a copy would count twice in the mean, so give each network once");

        CommandLineRun one = combine("-o", file("one.json"), file("third.json"));
        assertThat(one.exitCode()).isEqualTo(1);
        assertThat(one.err()).contains(file("third.json") + ": a committee needs at least two networks");

        succeeds(train("wide.json", "--seed", "8", "--loss", "mse"));
        CommandLineRun loss = combine("-o", file("loss.json"), file("pair.json"), file("wide.json"));
        assertThat(loss.exitCode()).isEqualTo(1);
        assertThat(loss.err()).contains(file("wide.json") + " was trained under the mse loss, " + file("pair.json")
                + " (member 1) under cross-entropy");

        Path other = IdxFixtures.dataset(dir, "other", 300, 100);
        succeeds(CommandLineRun.of(environment, "train", "--data", other.toString(), "--epochs", "1", "--layers",
                "784,16,10", "-o", file("elsewhere.json")));
        CommandLineRun data = combine("-o", file("data.json"), file("pair.json"), file("elsewhere.json"));
        assertThat(data.exitCode()).isEqualTo(1);
        assertThat(data.err()).contains(file("elsewhere.json") + " was made with other data than " + file("pair.json"));

        Path otherTest = Files.createDirectories(dir.resolve("other-test"));
        for (String name : List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte")) {
            Files.copy(CombineCommandTest.data.resolve(name), otherTest.resolve(name));
        }
        IdxFixtures.write(otherTest, "t10k", SyntheticImages.blobs(100, 28, 28, 10, 3));
        succeeds(CommandLineRun.of(environment, "train", "--data", otherTest.toString(), "--epochs", "1", "--layers",
                "784,16,10", "-o", file("tested-elsewhere.json")));
        CommandLineRun test = combine("-o", file("test.json"), file("pair.json"), file("tested-elsewhere.json"));
        assertThat(test.exitCode()).isEqualTo(1);
        assertThat(test.err()).contains(file("tested-elsewhere.json") + " was made with other data than "
                + file("pair.json")).contains("(test images sha256:");

        List<String> many = new ArrayList<>(List.of("-o", file("many.json")));
        for (int k = 0; k < 33; k++) {
            many.add(file("pair.json"));
        }
        CommandLineRun tooMany = combine(many.toArray(String[]::new));
        assertThat(tooMany.exitCode()).isEqualTo(1);
        assertThat(tooMany.err()).contains("these models hold 66 networks; a committee holds at most 64");

        CommandLineRun input = combine("-o", file("pair.json"), file("pair.json"), file("third.json"));
        assertThat(input.exitCode()).isEqualTo(1);
        assertThat(input.err()).contains("is an input of this run");

        for (String name : List.of("copy.json", "one.json", "loss.json", "data.json", "test.json", "many.json")) {
            assertThat(dir.resolve(name)).as(name).doesNotExist();
        }
        assertThat(Files.size(dir.resolve("pair.json"))).as("the input, untouched").isPositive();
    }

    private static String weights(String model, int member) throws IOException {
        JsonNode info = JSON.readTree(succeeds(CommandLineRun.of(environment, "info", "-m", file(model), "--json")).out());
        return info.at("/members/" + member + "/weights").asText();
    }
}

package io.github.perceptron.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The validation split behind docs/experiments-committee.md's choices, as its scripts make it:
 * {@code scripts/validation_split.py} holds the last training images out, and
 * {@code scripts/committee-validation.sh} trains on the split and measures on it, never on the test
 * set unless asked. The scripts run beside a {@link ScriptStandIn}.
 */
class ValidationScriptsTest {

    /** The split script keeps 50,000 images for training; one pixel each keeps the fixture small. */
    private static final int TRAINING_IMAGES = 50_003;

    @TempDir
    Path root;

    private ScriptStandIn scripts;
    private Path data;

    @BeforeEach
    void standInAndData() throws IOException {
        scripts = new ScriptStandIn(root);
        data = root.resolve("data");
        writeMnist(data.resolve("mnist"));
    }

    @Test
    void trains_on_the_first_50000_images_and_measures_on_the_rest_never_on_the_test_set() throws Exception {
        ScriptStandIn.Result result = validation("l2:5", "long");

        assertThat(result.code()).as(result.err()).isZero();
        List<String> lines = Files.readAllLines(scripts.calls());
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).isEqualTo("fetch");
        String train = lines.get(1);
        assertThat(train).startsWith("train ").contains("--epochs 5", "--committee 2", "--l2 0.005",
                "--layers 784,800,800,10", "--augment elastic,shift", "--batch 100");
        String split = ScriptStandIn.valueOf(train, "--data");
        assertThat(lines.get(2)).isEqualTo("evaluate -m " + split + "/l2-5.json --data " + split + " --json");
        assertThat(lines.get(3)).contains("--epochs 60", "--committee 2").doesNotContain("--l2");
        assertThat(lines).noneMatch(line -> line.contains(data.resolve("mnist").toString()));
        Path out = root.resolve("docs/experiments/committee/validation");
        assertThat(out.resolve("l2-5.events")).content().contains("\"event\":\"member\"");
        assertThat(out.resolve("long.evaluate.json")).exists();
        assertThat(out.resolve("l2-5.test.json")).doesNotExist();
        assertThat(result.out()).contains("l2-5: committee 99.50%, members 99.40%, 99.30%");
    }

    /** A variant changes the recipe's distortions or batch for its own run only. */
    @Test
    void a_variant_passes_its_own_distortions_and_batch_and_the_next_one_the_recipe() throws Exception {
        ScriptStandIn.Result result = validation("ciresan:2", "batch50:2", "long:2", "ciresan6:2");

        assertThat(result.code()).as(result.err()).isZero();
        List<String> trains = Files.readAllLines(scripts.calls()).stream().filter(line -> line.startsWith("train ")).toList();
        assertThat(trains).hasSize(4);
        assertThat(trains.get(0)).contains("--augment elastic:37:5.5,shift", "--batch 100", "--committee 2");
        assertThat(trains.get(1)).contains("--augment elastic,shift", "--batch 50", "--committee 2");
        assertThat(trains.get(2)).contains("--augment elastic,shift", "--batch 100");
        assertThat(trains.get(3)).contains("--augment elastic:36:6,shift", "--batch 100", "--committee 2");
        assertThat(trains).allSatisfy(train -> assertThat(train.split(" --batch ", -1)).hasSize(2));
    }

    @Test
    void measures_the_same_models_on_the_test_set_only_when_asked() throws Exception {
        ScriptStandIn.Result result = validation("--test-too", "pair:3");

        assertThat(result.code()).as(result.err()).isZero();
        List<String> lines = Files.readAllLines(scripts.calls());
        String split = ScriptStandIn.valueOf(lines.get(1), "--data");
        assertThat(lines.subList(2, lines.size())).containsExactly(
                "evaluate -m " + split + "/pair-3.json --data " + split + " --json",
                "evaluate -m " + split + "/pair-3.json --data " + data.resolve("mnist") + " --json");
        assertThat(result.out()).contains("pair-3: committee 99.50%", "; test set: committee 99.50%");
    }

    @Test
    void a_bad_variant_anywhere_in_the_list_stops_it_before_anything_runs() throws Exception {
        for (List<String> args : List.of(List.of("long", "nosuch"), List.of("long:0"), List.of("plain", "wide:x"))) {
            ScriptStandIn.Result result = validation(args.toArray(String[]::new));

            String bad = args.get(args.size() - 1);
            assertThat(result.code()).as("%s", args).isEqualTo(2);
            assertThat(result.err().lines()).as("%s", args).hasSize(1).first().asString()
                    .startsWith("committee-validation.sh: ").contains("'" + bad);
            assertThat(scripts.calls()).as("%s", args).doesNotExist();
            assertThat(root.resolve("docs")).as("%s", args).doesNotExist();
        }
    }

    @Test
    void the_split_holds_out_the_last_training_images_with_their_labels() throws Exception {
        Path out = root.resolve("split");
        ScriptStandIn.Result result = split(out, 50_000);

        assertThat(result.code()).as(result.err()).isZero();
        byte[] images = Files.readAllBytes(data.resolve("mnist/train-images-idx3-ubyte"));
        byte[] labels = Files.readAllBytes(data.resolve("mnist/train-labels-idx1-ubyte"));
        assertIdx(out.resolve("train-images-idx3-ubyte"), 2051, 50_000, Arrays.copyOfRange(images, 16, 16 + 50_000));
        assertIdx(out.resolve("train-labels-idx1-ubyte"), 2049, 50_000, Arrays.copyOfRange(labels, 8, 8 + 50_000));
        assertIdx(out.resolve("t10k-images-idx3-ubyte"), 2051, 3, Arrays.copyOfRange(images, 16 + 50_000, images.length));
        assertIdx(out.resolve("t10k-labels-idx1-ubyte"), 2049, 3, Arrays.copyOfRange(labels, 8 + 50_000, labels.length));
    }

    @Test
    void the_split_refuses_to_hold_nothing_out() throws Exception {
        Path out = root.resolve("split");
        ScriptStandIn.Result result = split(out, TRAINING_IMAGES);

        assertThat(result.code()).isNotZero();
        assertThat(result.err().strip()).isEqualTo(data.resolve("mnist")
                + ": not MNIST-layout training files, or N=" + TRAINING_IMAGES + " is not below " + TRAINING_IMAGES);
        assertThat(out.resolve("train-images-idx3-ubyte")).doesNotExist();
    }

    private ScriptStandIn.Result validation(String... args) throws IOException, InterruptedException {
        return scripts.script("committee-validation.sh", List.of(args), Map.of("PERCEPTRON_DATA", data.toString()));
    }

    private ScriptStandIn.Result split(Path out, int kept) throws IOException, InterruptedException {
        return scripts.exec(List.of("python3", root.resolve("scripts/validation_split.py").toString(),
                data.resolve("mnist").toString(), out.toString(), String.valueOf(kept)), Map.of());
    }

    /** MNIST-layout training files of one-pixel images, each image's byte and label telling it from its neighbours. */
    private static void writeMnist(Path dir) throws IOException {
        Files.createDirectories(dir);
        ByteBuffer images = ByteBuffer.allocate(16 + TRAINING_IMAGES).putInt(2051).putInt(TRAINING_IMAGES).putInt(1).putInt(1);
        ByteBuffer labels = ByteBuffer.allocate(8 + TRAINING_IMAGES).putInt(2049).putInt(TRAINING_IMAGES);
        for (int i = 0; i < TRAINING_IMAGES; i++) {
            images.put((byte) (i * 7));
            labels.put((byte) (i % 10));
        }
        Files.write(dir.resolve("train-images-idx3-ubyte"), images.array());
        Files.write(dir.resolve("train-labels-idx1-ubyte"), labels.array());
        // A test set the validation runs must never read: its bytes are unlike any training image's.
        Files.writeString(dir.resolve("t10k-images-idx3-ubyte"), "not to be read", StandardCharsets.US_ASCII);
    }

    private static void assertIdx(Path file, int magic, int count, byte[] body) throws IOException {
        ByteBuffer read = ByteBuffer.wrap(Files.readAllBytes(file));
        assertThat(read.getInt()).as("%s magic", file).isEqualTo(magic);
        assertThat(read.getInt()).as("%s count", file).isEqualTo(count);
        if (magic == 2051) {
            assertThat(read.getInt()).isEqualTo(1);
            assertThat(read.getInt()).isEqualTo(1);
        }
        byte[] rest = new byte[read.remaining()];
        read.get(rest);
        assertThat(rest).as("%s body", file).isEqualTo(body);
    }
}

package io.github.perceptron.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scripts behind docs/experiments-committee.md, as they run: {@code scripts/validation_split.py}
 * holds the last training images out; {@code scripts/committee-validation.sh} trains on the split
 * and measures on it, never on the test set unless asked; {@code scripts/committee-experiment.sh}
 * trains, evaluates and tabulates a committee. Each script runs from a copy of {@code scripts/}
 * beside a stand-in {@code perceptron} that records its arguments and answers as the real one's
 * {@code --json} does, so no network is trained and nothing in the repository is written.
 */
class ExperimentScriptsTest {

    private static final Path SCRIPTS = Path.of("..", "scripts").toAbsolutePath().normalize();
    /** The split script keeps 50,000 images for training; one pixel each keeps the fixture small. */
    private static final int TRAINING_IMAGES = 50_003;

    @TempDir
    Path root;

    private Path data;
    private Path calls;

    @BeforeEach
    void copyTheScriptsBesideAStandIn() throws IOException {
        Files.createDirectories(root.resolve("scripts"));
        for (String script : List.of("committee-validation.sh", "validation_split.py", "committee-experiment.sh",
                "committee_report.py")) {
            Files.copy(SCRIPTS.resolve(script), root.resolve("scripts").resolve(script));
        }
        calls = root.resolve("calls.log");
        // Records each call; train writes its -o file, evaluate answers as the real one's --json does.
        Path standIn = root.resolve("perceptron");
        Files.writeString(standIn, String.join("\n",
                "#!/usr/bin/env bash",
                "echo \"$*\" >> '" + calls + "'",
                "case \"$1\" in",
                "  train) while [ $# -gt 0 ]; do [ \"$1\" = -o ] && touch \"$2\"; shift; done",
                "         echo '{\"event\":\"member\",\"member\":1}'; echo '{\"event\":\"member\",\"member\":2}'",
                "         echo '{\"event\":\"done\",\"members\":2}' ;;",
                "  evaluate) echo '{\"accuracy\":0.995,\"members\":[{\"accuracy\":0.994},{\"accuracy\":0.993}],'"
                        + "'\"first_members\":[{\"accuracy\":0.994},{\"accuracy\":0.995}]}' ;;",
                "esac", ""));
        Files.setPosixFilePermissions(standIn, PosixFilePermissions.fromString("rwxr-xr-x"));
        data = root.resolve("data");
        writeMnist(data.resolve("mnist"));
    }

    @Test
    void trains_on_the_first_50000_images_and_measures_on_the_rest_never_on_the_test_set() throws Exception {
        Result result = run("l2:5", "long");

        assertThat(result.code()).as(result.err()).isZero();
        List<String> lines = Files.readAllLines(calls);
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).isEqualTo("fetch");
        String train = lines.get(1);
        assertThat(train).startsWith("train ").contains("--epochs 5", "--committee 2", "--l2 0.005",
                "--layers 784,800,800,10", "--augment elastic,shift");
        String split = valueOf(train, "--data");
        assertThat(lines.get(2)).isEqualTo("evaluate -m " + split + "/l2-5.json --data " + split + " --json");
        assertThat(lines.get(3)).contains("--epochs 60", "--committee 2").doesNotContain("--l2");
        assertThat(lines).noneMatch(line -> line.contains(data.resolve("mnist").toString()));
        Path out = root.resolve("docs/experiments/committee/validation");
        assertThat(out.resolve("l2-5.events")).content().contains("\"event\":\"member\"");
        assertThat(out.resolve("long.evaluate.json")).exists();
        assertThat(out.resolve("l2-5.test.json")).doesNotExist();
        assertThat(result.out()).contains("l2-5: committee 99.50%, members 99.40%, 99.30%");
    }

    @Test
    void measures_the_same_models_on_the_test_set_only_when_asked() throws Exception {
        Result result = run("--test-too", "pair:3");

        assertThat(result.code()).as(result.err()).isZero();
        List<String> lines = Files.readAllLines(calls);
        String split = valueOf(lines.get(1), "--data");
        assertThat(lines.subList(2, lines.size())).containsExactly(
                "evaluate -m " + split + "/pair-3.json --data " + split + " --json",
                "evaluate -m " + split + "/pair-3.json --data " + data.resolve("mnist") + " --json");
        assertThat(result.out()).contains("pair-3: committee 99.50%", "; test set: committee 99.50%");
    }

    @Test
    void a_bad_variant_anywhere_in_the_list_stops_it_before_anything_runs() throws Exception {
        for (List<String> args : List.of(List.of("long", "nosuch"), List.of("long:0"), List.of("plain", "wide:x"))) {
            Result result = run(args.toArray(String[]::new));

            String bad = args.get(args.size() - 1);
            assertThat(result.code()).as("%s", args).isEqualTo(2);
            assertThat(result.err().lines()).as("%s", args).hasSize(1).first().asString()
                    .startsWith("committee-validation.sh: ").contains("'" + bad);
            assertThat(calls).as("%s", args).doesNotExist();
            assertThat(root.resolve("docs")).as("%s", args).doesNotExist();
        }
    }

    @Test
    void the_deep_pair_trains_the_preset_with_deeper_layers_and_tabulates_it() throws Exception {
        Result result = exec(List.of("bash", root.resolve("scripts/committee-experiment.sh").toString(),
                "--long", "300", "--deep", "7"), Map.of());

        assertThat(result.code()).as(result.err()).isZero();
        Path model = root.resolve("models/committee-deep-7.json");
        assertThat(Files.readAllLines(calls)).containsExactly("--version",
                "train --preset committee --normalise none --epochs 300 --layers 784,600,600,600,10 --committee 2"
                        + " --seed 7 --json -o " + model,
                "evaluate -m " + model + " --json");
        Path out = root.resolve("docs/experiments/committee/deep-members");
        assertThat(Files.readAllLines(out.resolve("events-7.txt")))
                .hasSize(3).allMatch(line -> line.matches("\\d+ \\{\"event\":.*"));
        assertThat(out.resolve("table.md")).content()
                .contains("| 7 | 2 | 99.50% | 99.30% |", "| 7 | all | **99.50%** (best member 99.40%) |");
        assertThat(out.resolve("accuracy.svg")).content().startsWith("<svg ");
    }

    @Test
    void the_experiment_refuses_deep_members_without_a_length_before_anything_runs() throws Exception {
        for (List<String> args : List.of(List.of("--deep", "1"), List.of("--long", "0", "1"), List.of("--long"))) {
            List<String> command = new ArrayList<>(List.of("bash", root.resolve("scripts/committee-experiment.sh").toString()));
            command.addAll(args);
            Result result = exec(command, Map.of());

            assertThat(result.code()).as("%s", args).isEqualTo(2);
            assertThat(result.err().lines()).as("%s", args).hasSize(1).first().asString()
                    .startsWith("committee-experiment.sh: ");
            assertThat(calls).as("%s", args).doesNotExist();
        }
    }

    @Test
    void the_split_holds_out_the_last_training_images_with_their_labels() throws Exception {
        Path out = root.resolve("split");
        Result result = exec(List.of("python3", SCRIPTS.resolve("validation_split.py").toString(),
                data.resolve("mnist").toString(), out.toString(), "50000"), Map.of());

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
        Result result = exec(List.of("python3", SCRIPTS.resolve("validation_split.py").toString(),
                data.resolve("mnist").toString(), out.toString(), String.valueOf(TRAINING_IMAGES)), Map.of());

        assertThat(result.code()).isNotZero();
        assertThat(result.err().strip()).isEqualTo(data.resolve("mnist")
                + ": not MNIST-layout training files, or N=" + TRAINING_IMAGES + " is not below " + TRAINING_IMAGES);
        assertThat(out.resolve("train-images-idx3-ubyte")).doesNotExist();
    }

    private Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", root.resolve("scripts/committee-validation.sh").toString()));
        command.addAll(List.of(args));
        return exec(command, Map.of("PERCEPTRON_DATA", data.toString()));
    }

    private Result exec(List<String> command, Map<String, String> environment) throws IOException, InterruptedException {
        Path out = Files.createTempFile(root, "out", ".txt");
        Path err = Files.createTempFile(root, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("still running after 60 s: " + command);
        }
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private record Result(int code, String out, String err) {
    }

    /** The word after {@code option} in a recorded call. */
    private static String valueOf(String call, String option) {
        List<String> words = List.of(call.split(" "));
        return words.get(words.indexOf(option) + 1);
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

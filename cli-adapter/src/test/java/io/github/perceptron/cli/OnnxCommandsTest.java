package io.github.perceptron.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code export --format onnx}, and an .onnx file given to evaluate, predict and info, answered as its JSON original. */
class OnnxCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    private static Path data;
    private static Path model;
    private static Path onnx;
    private static Map<String, String> environment;

    @BeforeAll
    static void trainAndExport() throws IOException {
        data = IdxFixtures.dataset(dir, "digits", 600, 100);
        environment = Map.of("PERCEPTRON_DATA", dir.resolve("cache").toString());
        model = dir.resolve("model.json");
        CommandLineRun train = CommandLineRun.of(environment, "train", "--data", data.toString(), "--layers", "784,16,10",
                "--epochs", "2", "--augment", "none", "--json", "-o", model.toString());
        assertThat(train.exitCode()).as(train.err()).isZero();
        onnx = dir.resolve("my model.onnx");
        CommandLineRun export = CommandLineRun.of(environment, "export", "--model", model.toString(), "-o", onnx.toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(export.out()).contains("exported", "ONNX opset 13", "[N, 784]", "[N, 10]");
    }

    @Test
    void evaluate_and_predict_answer_the_same_from_the_onnx_file() {
        CommandLineRun fromJson = CommandLineRun.of(environment, "evaluate", "--model", model.toString(), "--data", data.toString(), "--json");
        CommandLineRun fromOnnx = CommandLineRun.of(environment, "evaluate", "--model", onnx.toString(), "--data", data.toString(), "--json");
        assertThat(fromOnnx.exitCode()).as(fromOnnx.err()).isZero();
        assertThat(fromOnnx.out()).isEqualTo(fromJson.out());

        String idx = data.resolve("t10k-images-idx3-ubyte").toString();
        CommandLineRun predictJson = CommandLineRun.of(environment, "predict", "--model", model.toString(), "--json", "--idx", idx, "--index", "3");
        CommandLineRun predictOnnx = CommandLineRun.of(environment, "predict", "--model", onnx.toString(), "--json", "--idx", idx, "--index", "3");
        assertThat(predictOnnx.out()).isEqualTo(predictJson.out());
    }

    @Test
    void info_on_the_onnx_file_gives_the_original_metadata_and_provenance() throws IOException {
        JsonNode fromJson = JSON.readTree(CommandLineRun.of(environment, "info", "--model", model.toString(), "--json").out());
        JsonNode fromOnnx = JSON.readTree(CommandLineRun.of(environment, "info", "--model", onnx.toString(), "--json").out());
        assertThat(fromOnnx.get("provenance")).isEqualTo(fromJson.get("provenance"));
        assertThat(fromOnnx.get("layers")).isEqualTo(fromJson.get("layers"));
        assertThat(fromOnnx.get("classes")).isEqualTo(fromJson.get("classes"));
        assertThat(fromOnnx.get("test_accuracy")).isEqualTo(fromJson.get("test_accuracy"));
        // Dropout acts only in training: the exported graph leaves it out.
        assertThat(fromOnnx.get("hidden").toString()).isEqualTo("[\"dense 16 relu\"]");
    }

    /** Issue 28: info on another tool's model said "trained 0 epochs, seed 0, ... 1970-01-01" and "before format version 2". */
    @Test
    void info_on_another_tools_model_says_it_was_trained_elsewhere() throws IOException {
        Path foreign = Files.write(dir.resolve("from torch.onnx"), OnnxBombs.foreignModel());
        CommandLineRun run = CommandLineRun.of(environment, "info", "--model", foreign.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("trained      elsewhere, by pytorch 2.13.0 (no training record)\n")
                .contains("provenance   not recorded (made by another tool)\n")
                .doesNotContain("1970").doesNotContain("format version 2");
    }

    @Test
    void an_unreadable_onnx_file_is_one_line_and_exit_1() throws IOException {
        Path bad = Files.write(dir.resolve("bad.onnx"), "not a model".getBytes());
        CommandLineRun run = CommandLineRun.of(environment, "info", "--model", bad.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).startsWith("perceptron: " + bad + ": not a valid protobuf").doesNotContain("\n");
    }

    @Test
    void export_refuses_a_name_that_would_not_read_back_and_never_replaces_what_is_not_a_file() throws IOException {
        CommandLineRun wrongName = CommandLineRun.of(environment, "export", "--model", model.toString(), "-o", dir.resolve("m.bin").toString());
        assertThat(wrongName.exitCode()).isEqualTo(2);
        assertThat(wrongName.err()).contains("an onnx model's file name ends in .onnx");
        Path directory = Files.createDirectories(dir.resolve("a directory.onnx"));
        CommandLineRun onDirectory = CommandLineRun.of(environment, "export", "--model", model.toString(), "-o", directory.toString());
        assertThat(onDirectory.exitCode()).isEqualTo(1);
        assertThat(onDirectory.err()).contains("is a directory, not a regular file");
        CommandLineRun onItself = CommandLineRun.of(environment, "export", "--model", onnx.toString(), "-o", onnx.toString());
        assertThat(onItself.exitCode()).isEqualTo(1);
        assertThat(onItself.err()).contains("is an input of this run");
    }
}

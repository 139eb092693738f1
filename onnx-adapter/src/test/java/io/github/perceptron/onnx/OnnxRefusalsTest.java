package io.github.perceptron.onnx;

import static io.github.perceptron.onnx.HandWrittenOnnx.floatTensor;
import static io.github.perceptron.onnx.HandWrittenOnnx.message;
import static io.github.perceptron.onnx.HandWrittenOnnx.model;
import static io.github.perceptron.onnx.HandWrittenOnnx.node;
import static io.github.perceptron.onnx.HandWrittenOnnx.value;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.perceptron.core.testing.Fuzzing;
import io.github.perceptron.core.testing.TinyModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What perceptron does not read is refused in one line naming the first thing it cannot read; lying files too. */
class OnnxRefusalsTest {

    private static final float[] W = new float[4 * 2];
    private static final float[] B = new float[2];

    @TempDir
    Path dir;

    /** A valid 4 → 2 softmax graph with {@code change} applied to its graph message. */
    private static byte[] graph(UnaryOperator<HandWrittenOnnx> extra, String... firstNode) {
        HandWrittenOnnx graph = message();
        if (firstNode.length > 0) {
            graph.sub(1, node(firstNode[0], "pre", "x"));
        }
        String in = firstNode.length > 0 ? "pre" : "x";
        graph.sub(1, node("Gemm", "o", in, "W", "B")).sub(1, node("Softmax", "y", "o"))
                .sub(5, floatTensor("W", W, 4, 2)).sub(5, floatTensor("B", B, 2))
                .sub(11, value("x", 1, -1, 4)).sub(12, value("y", 1, -1, 2));
        return model(extra.apply(graph), 13).bytes();
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("a Conv", graph(g -> g, "Conv"), "node 0 'conv_pre' (Conv) is not one perceptron reads"),
                Arguments.of("a second input", graph(g -> g.sub(11, value("mask", 1, -1, 4))), "the graph has 2 inputs [x, mask]"),
                Arguments.of("a non-float input", model(message()
                        .sub(1, node("Gemm", "o", "x", "W", "B")).sub(1, node("Softmax", "y", "o"))
                        .sub(5, floatTensor("W", W, 4, 2)).sub(5, floatTensor("B", B, 2))
                        .sub(11, value("x", 7, -1, 4)).sub(12, value("y", 1, -1, 2)), 13).bytes(), "input 'x' is INT64"),
                Arguments.of("an external-data tensor", model(message()
                        .sub(1, node("Gemm", "o", "x", "W", "B")).sub(1, node("Softmax", "y", "o"))
                        .sub(5, message().varint(1, 4).varint(1, 2).varint(2, 1).text(8, "W")
                                .sub(13, message().text(1, "location").text(2, "weights.bin")).varint(14, 1))
                        .sub(5, floatTensor("B", B, 2))
                        .sub(11, value("x", 1, -1, 4)).sub(12, value("y", 1, -1, 2)), 13).bytes(),
                        "tensor 'W' keeps its data in "),
                Arguments.of("double weights", model(message()
                        .sub(1, node("Gemm", "o", "x", "W", "B")).sub(1, node("Softmax", "y", "o"))
                        .sub(5, message().varint(1, 4).varint(1, 2).varint(2, 11).text(8, "W").blob(9, new byte[64]))
                        .sub(5, floatTensor("B", B, 2))
                        .sub(11, value("x", 1, -1, 4)).sub(12, value("y", 1, -1, 2)), 13).bytes(),
                        "takes 'W', which is DOUBLE, not float (FLOAT) weights"),
                Arguments.of("huge declared dims", model(message()
                        .sub(5, message().varint(1, 1L << 40).varint(1, 1L << 40).varint(2, 1).text(8, "W").blob(9, new byte[8]))
                        .sub(11, value("x", 1, -1, 4)).sub(12, value("y", 1, -1, 2)), 13).bytes(),
                        "tensor 'W' declares dimensions [1099511627776, 1099511627776]"),
                Arguments.of("fewer values than declared", model(message()
                        .sub(5, message().varint(1, 4).varint(1, 2).varint(2, 1).text(8, "W").blob(9, new byte[12]))
                        .sub(11, value("x", 1, -1, 4)).sub(12, value("y", 1, -1, 2)), 13).bytes(),
                        "tensor 'W' declares 8 floats but holds 12 bytes"),
                Arguments.of("a branch", model(message()
                        .sub(1, node("Gemm", "o", "x", "W", "B")).sub(1, node("Relu", "side", "x")).sub(1, node("Softmax", "y", "o"))
                        .sub(5, floatTensor("W", W, 4, 2)).sub(5, floatTensor("B", B, 2))
                        .sub(11, value("x", 1, -1, 4)).sub(12, value("y", 1, -1, 2)), 13).bytes(),
                        "node 1 'relu_side' (Relu) does not continue the chain from 'o'"),
                Arguments.of("an old opset", model(message().sub(11, value("x", 1, -1, 4)), 6).bytes(), "version 7 or later"),
                Arguments.of("no graph", message().varint(1, 8).bytes(), "not an ONNX model (no graph)"),
                Arguments.of("not protobuf at all", "hello, world: not a model\n".getBytes(), "not a valid protobuf"),
                Arguments.of("a length beyond the file", new byte[] {0x3a, (byte) 0xff, (byte) 0xff, 0x7f, 1, 2}, "claims"),
                Arguments.of("a cut-short file", Arrays.copyOf(OnnxModelStore.export(TinyModels.trained()), 900), "not a valid protobuf"),
                Arguments.of("an endless varint", new byte[] {8, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, 1}, "longer than 10 bytes"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void is_refused_in_one_line_naming_the_file_and_the_problem(String what, byte[] file, String message) throws IOException {
        Path path = Files.write(dir.resolve("their model.onnx"), file);
        assertThatThrownBy(() -> new OnnxModelStore().load(path))
                .isInstanceOf(OnnxFormatException.class)
                .hasMessageStartingWith(path.toString())
                .hasMessageContaining(message)
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(e.getMessage()).doesNotContain("\n"));
    }

    /** A committee's export read back got "node 3 'member1.dense1.softmax' (Softmax) is not the graph's last step". */
    @Test
    void a_committees_export_is_named_as_one() throws Exception {
        Path path = dir.resolve("committee.onnx");
        Files.write(path, OnnxModelStore.export(TinyModels.committee()));
        assertThatThrownBy(() -> new OnnxModelStore().load(path)).isInstanceOf(OnnxFormatException.class)
                .hasMessage(path + ": the graph ends in a Mean of 3 networks (a committee's export); perceptron reads "
                        + "single chains: load a committee from its JSON model file");
    }

    /** It got "node 0 'normalise.mul1' (Mul) is not one perceptron reads", which did not say what the file is. */
    @Test
    void a_normalising_networks_export_is_named_as_one() throws Exception {
        Path path = dir.resolve("deskewed.onnx");
        Files.write(path, OnnxModelStore.export(TinyModels.trained().withInputNormalisation(
                io.github.perceptron.core.data.InputNormalisation.DESKEW)));
        assertThatThrownBy(() -> new OnnxModelStore().load(path)).isInstanceOf(OnnxFormatException.class)
                .hasMessage(path + ": the graph normalises each image before its first layer (the export of a network "
                        + "trained with --normalise); perceptron reads plain chains of layers: load the network from its "
                        + "JSON model file");
    }

    @Test
    void a_missing_file_a_directory_and_a_fifo_are_named_without_waiting() throws Exception {
        assertThatThrownBy(() -> new OnnxModelStore().load(dir.resolve("nope.onnx"))).hasMessageEndingWith("nope.onnx: file not found");
        assertThatThrownBy(() -> new OnnxModelStore().load(dir)).hasMessageEndingWith(": not a regular file");
        Path fifo = dir.resolve("pipe.onnx");
        org.assertj.core.api.Assertions.assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        // Reading a FIFO with no writer would block for ever.
        assertThatThrownBy(() -> new OnnxModelStore().load(fifo)).hasMessageEndingWith("pipe.onnx: not a regular file");
    }

    /**
     * Mutations of perceptron's export, the other exporters' shapes and the bombs: each is read or
     * refused in one {@link OnnxFormatException}, within 2 s, allocating at most 16 MB more than
     * four times the input (the inputs are a few KB; a bomb's objects would be far more).
     */
    @Test
    void mutated_files_are_refused_cleanly() throws IOException {
        float[] w = {0.5f, -0.25f, 1, 2, -1, 0.75f, 0.125f, -0.5f};
        float[] b = {0.1f, -0.2f};
        java.nio.ByteBuffer data = java.nio.ByteBuffer.allocate(64).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        data.position(16);
        for (float v : w) {
            data.putFloat(v);
        }
        Files.write(dir.resolve("m.onnx.data"), data.array());
        List<byte[]> seeds = List.of(OnnxModelStore.export(TinyModels.trained()),
                ExporterShapes.skl2onnx(w, b, true).bytes(), ExporterShapes.skl2onnx(w, b, false).bytes(),
                ExporterShapes.external(w, b, "m.onnx.data", 16, 32).bytes(),
                ExporterShapes.repeated(1, new byte[0], 1500), ExporterShapes.repeated(11, new byte[0], 1500),
                ExporterShapes.repeated(12, new byte[0], 40),
                ExporterShapes.modelAround(message().sub(1, OnnxFindingsTest.manyTexts(1, 40)).bytes()),
                ExporterShapes.modelAround(message().sub(5, OnnxFindingsTest.manyOnes(1, 20)).bytes()));
        Fuzzing.run(dir.resolve("model.onnx"), seeds, OnnxFormatException.class, 16L << 20,
                file -> new OnnxModelStore().load(file));
    }
}

package io.github.perceptron.onnx;

import static io.github.perceptron.onnx.HandWrittenOnnx.floatTensor;
import static io.github.perceptron.onnx.HandWrittenOnnx.intAttribute;
import static io.github.perceptron.onnx.HandWrittenOnnx.message;
import static io.github.perceptron.onnx.HandWrittenOnnx.model;
import static io.github.perceptron.onnx.HandWrittenOnnx.node;
import static io.github.perceptron.onnx.HandWrittenOnnx.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.perceptron.core.model.Model;
import io.github.perceptron.core.testing.TinyModels;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Issue 28's findings: each case was read (or misread) before, or refused in words that misled. */
class OnnxFindingsTest {

    private static final float[] W = {0.5f, -0.25f, 1, 2, -1, 0.75f, 0.125f, -0.5f};
    private static final float[] B = {0.1f, -0.2f};

    @TempDir
    Path dir;

    /** A valid 4 → 2 softmax graph: Gemm(x, W, B), Softmax. */
    private static HandWrittenOnnx chain() {
        return message().sub(1, node("Gemm", "o", "x", "W", "B")).sub(1, node("Softmax", "y", "o"))
                .sub(5, floatTensor("W", W, 4, 2)).sub(5, floatTensor("B", B, 2))
                .sub(11, value("x", 1, -1, 4)).sub(12, value("y", 1, -1, 2));
    }

    static Stream<Arguments> bombs() {
        return Stream.of(
                Arguments.of("2 million empty nodes", ExporterShapes.repeated(1, new byte[0], 2_000_000), "more than 1024 nodes"),
                Arguments.of("2 million empty inputs", ExporterShapes.repeated(11, new byte[0], 2_000_000), "more than 1040 inputs"),
                Arguments.of("2 million empty outputs", ExporterShapes.repeated(12, new byte[0], 2_000_000), "more than 16 outputs"),
                Arguments.of("a node of a million inputs", ExporterShapes.modelAround(message().sub(1, manyTexts(1, 1_000_000)).bytes()),
                        "more than 16 inputs to node 0"),
                Arguments.of("a tensor of a million dimensions", ExporterShapes.modelAround(message().sub(5, manyOnes(1, 1_000_000)).bytes()),
                        "more than 8 dimensions of a tensor"));
    }

    static HandWrittenOnnx manyTexts(int field, int count) {
        HandWrittenOnnx message = message();
        for (int i = 0; i < count; i++) {
            message.text(field, "");
        }
        return message;
    }

    static HandWrittenOnnx manyOnes(int field, int count) {
        HandWrittenOnnx message = message();
        for (int i = 0; i < count; i++) {
            message.varint(field, 1);
        }
        return message;
    }

    /** Finding 1: repeated fields were objects before anything counted them (52 M nodes: 6.4 GB, 251 s). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("bombs")
    void a_repeated_field_beyond_any_mlp_is_refused_while_it_is_read(String what, byte[] bomb, String says) throws Exception {
        Path file = Files.write(dir.resolve("bomb.onnx"), bomb);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
        assertThatThrownBy(() -> new OnnxModelStore().load(file)).isInstanceOf(OnnxFormatException.class)
                .hasMessageContaining(says).satisfies(e -> assertThat(e.getMessage().length()).isLessThan(300));
        long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        assertThat(allocated).as("bytes allocated beyond the file's").isLessThan(2L * bomb.length + (16L << 20));
    }

    /** A message lists a few names, never all of them (one refusal was a 105 MB line). */
    @Test
    void a_refusal_quotes_a_few_names_not_all() throws Exception {
        HandWrittenOnnx graph = chain();
        for (int i = 0; i < 900; i++) {
            graph.sub(11, value("extra_input_" + i, 1, -1, 4));
        }
        Path file = Files.write(dir.resolve("many.onnx"), model(graph, 13).bytes());
        assertThatThrownBy(() -> new OnnxModelStore().load(file)).hasMessageContaining("the graph has 901 inputs [x, ")
                .hasMessageContaining("and 896 more").satisfies(e -> assertThat(e.getMessage().length()).isLessThan(400));
    }

    static Stream<Arguments> invalidGraphs() {
        float[] nan = W.clone();
        nan[3] = Float.NaN;
        return Stream.of(
                Arguments.of("two initializers of one name (ONNX Runtime takes the first)",
                        model(chain().sub(5, floatTensor("W", new float[8], 4, 2)), 13), "two initializers are named 'W'"),
                Arguments.of("a name assigned twice", model(message()
                        .sub(1, node("Gemm", "o", "x", "W", "B")).sub(1, node("Relu", "o", "o")).sub(1, node("Softmax", "y", "o"))
                        .sub(5, floatTensor("W", W, 4, 2)).sub(5, floatTensor("B", B, 2))
                        .sub(11, value("x", 1, -1, 4)).sub(12, value("y", 1, -1, 2)), 13), "'o' is assigned twice"),
                Arguments.of("an input nothing defines", model(message()
                        .sub(1, node("Gemm", "o", "x", "W", "B")).sub(1, node("Add", "p", "o", "nowhere")).sub(1, node("Softmax", "y", "p"))
                        .sub(5, floatTensor("W", W, 4, 2)).sub(5, floatTensor("B", B, 2))
                        .sub(11, value("x", 1, -1, 4)).sub(12, value("y", 1, -1, 2)), 13), "takes 'nowhere', which nothing before it defines"),
                Arguments.of("an input wider than the weights", model(message()
                        .sub(1, node("Gemm", "o", "x", "W", "B")).sub(1, node("Softmax", "y", "o"))
                        .sub(5, floatTensor("W", W, 4, 2)).sub(5, floatTensor("B", B, 2))
                        .sub(11, value("x", 1, -1, 5)).sub(12, value("y", 1, -1, 2)), 13), "takes 4 values per example, but the graph's input 'x' gives 5"),
                Arguments.of("Flatten over axis 3", model(message()
                        .sub(1, node("Flatten", "f", "x").sub(5, intAttribute("axis", 3))).sub(1, node("Gemm", "o", "f", "W", "B"))
                        .sub(1, node("Softmax", "y", "o"))
                        .sub(5, floatTensor("W", W, 4, 2)).sub(5, floatTensor("B", B, 2))
                        .sub(11, value("x", 1, -1, 1, 2, 2)).sub(12, value("y", 1, -1, 2)), 13), "flattens from axis 3"),
                Arguments.of("opset 999", model(chain(), 999), "uses operator set 999; perceptron knows versions 7 to 26"),
                Arguments.of("a NaN weight", model(message()
                        .sub(1, node("Gemm", "o", "x", "W", "B")).sub(1, node("Softmax", "y", "o"))
                        .sub(5, floatTensor("W", nan, 4, 2)).sub(5, floatTensor("B", B, 2))
                        .sub(11, value("x", 1, -1, 4)).sub(12, value("y", 1, -1, 2)), 13), "tensor 'W' holds NaN at index 3"),
                Arguments.of("transA = 1, an int", model(message()
                        .sub(1, node("Gemm", "o", "x", "W", "B").sub(5, intAttribute("transA", 1))).sub(1, node("Softmax", "y", "o"))
                        .sub(5, floatTensor("W", W, 4, 2)).sub(5, floatTensor("B", B, 2))
                        .sub(11, value("x", 1, -1, 4)).sub(12, value("y", 1, -1, 2)), 13), "has transA = 1; perceptron reads transA = 0 ("),
                Arguments.of("a Relu as the last step", model(message()
                        .sub(1, node("Gemm", "o", "x", "W", "B")).sub(1, node("Relu", "y", "o"))
                        .sub(5, floatTensor("W", W, 4, 2)).sub(5, floatTensor("B", B, 2))
                        .sub(11, value("x", 1, -1, 4)).sub(12, value("y", 1, -1, 2)), 13), "the graph's last step is a Relu"));
    }

    /** Finding 4, 5, 6 and 7: ONNX Runtime refuses these graphs, or answers otherwise; so must perceptron refuse them. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidGraphs")
    void a_graph_onnx_runtime_would_not_run_is_refused(String what, HandWrittenOnnx onnx, String says) throws Exception {
        Path file = Files.write(dir.resolve("invalid.onnx"), onnx.bytes());
        assertThatThrownBy(() -> new OnnxModelStore().load(file)).isInstanceOf(OnnxFormatException.class)
                .hasMessageStartingWith(file.toString()).hasMessageContaining(says);
    }

    /** Finding 7: "ai.onnx" is the default domain by the spec, for the opset and for nodes. */
    @Test
    void the_domain_ai_onnx_is_the_standard_one() throws Exception {
        HandWrittenOnnx onnx = message().varint(1, 8).sub(8, message().text(1, "ai.onnx").varint(2, 13)).sub(7, chain());
        Model model = OnnxModelStore.parse(onnx.bytes(), "ai.onnx");
        assertThat(model.spec().sizes()).containsExactly(4, 2);
    }

    /** Finding 7: a perceptron JSON model named .onnx is said to be JSON. */
    @Test
    void a_json_model_named_onnx_is_said_to_be_json() throws Exception {
        Path file = Files.writeString(dir.resolve("model.onnx"), "\n{\"format\": \"perceptron-model\"}");
        assertThatThrownBy(() -> new OnnxModelStore().load(file))
                .hasMessage(file + ": this is JSON, not ONNX: a perceptron model file is read when its name ends in .json");
    }

    /** Finding 8: exports were 0600 whatever the umask; a service under another account could not read them. */
    @Test
    void an_export_is_readable_by_others_like_a_json_model() throws Exception {
        Path file = dir.resolve("model.onnx");
        new OnnxModelStore().save(TinyModels.trained(), file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r--r--");
    }

    /** skl2onnx's MLPClassifier: the chain, then a label branch and ZipMap (or an Identity) on the probabilities. */
    @Test
    void a_classifier_with_skl2onnx_label_branch_and_zipmap_reads_as_its_chain() throws Exception {
        Model plain = OnnxModelStore.parse(model(chain(), 13).bytes(), "plain");
        for (boolean zipMap : new boolean[] {true, false}) {
            HandWrittenOnnx onnx = ExporterShapes.skl2onnx(W, B, zipMap);
            Model model = OnnxModelStore.parse(onnx.bytes(), "skl2onnx");
            float[] image = {0.1f, 0.9f, 0.3f, 0.7f};
            assertThat(model.predict(image).probabilities()).as("zipMap " + zipMap)
                    .containsExactly(plain.predict(image).probabilities());
        }
    }

    /** PyTorch's default export keeps the weights in m.onnx.data beside m.onnx: read, bounded, never a path elsewhere. */
    @Test
    void weights_in_a_file_beside_the_model_are_read_within_it_only() throws Exception {
        ByteBuffer data = ByteBuffer.allocate(4 * (W.length + B.length) + 16).order(ByteOrder.LITTLE_ENDIAN);
        data.position(16);
        for (float v : W) {
            data.putFloat(v);
        }
        for (float v : B) {
            data.putFloat(v);
        }
        Files.write(dir.resolve("m.onnx.data"), data.array());
        Model inline = OnnxModelStore.parse(model(chain(), 13).bytes(), "inline");
        Model beside = new OnnxModelStore().load(Files.write(dir.resolve("m.onnx"), ExporterShapes.external(W, B, "m.onnx.data", 16, 32).bytes()));
        float[] image = {0.1f, 0.9f, 0.3f, 0.7f};
        assertThat(beside.predict(image).probabilities()).containsExactly(inline.predict(image).probabilities());

        assertThatThrownBy(() -> OnnxModelStore.parse(ExporterShapes.external(W, B, "m.onnx.data", 16, 32).bytes(), "bytes"))
                .hasMessage("bytes: tensor 'W' keeps its data in 'm.onnx.data', and this model was not read from a file");
        Path escaping = Files.write(dir.resolve("escape.onnx"), ExporterShapes.external(W, B, "../m.onnx.data", 16, 32).bytes());
        assertThatThrownBy(() -> new OnnxModelStore().load(escaping)).hasMessageContaining("named without a path");
        Path beyond = Files.write(dir.resolve("beyond.onnx"), ExporterShapes.external(W, B, "m.onnx.data", 40, 32).bytes());
        assertThatThrownBy(() -> new OnnxModelStore().load(beyond)).hasMessageContaining("claims bytes 40 to 72 of");
        Files.createSymbolicLink(dir.resolve("link.data"), dir.resolve("m.onnx.data"));
        Path linked = Files.write(dir.resolve("linked.onnx"), ExporterShapes.external(W, B, "link.data", 16, 32).bytes());
        assertThatThrownBy(() -> new OnnxModelStore().load(linked)).hasMessageContaining("(a symbolic link)");
    }
}

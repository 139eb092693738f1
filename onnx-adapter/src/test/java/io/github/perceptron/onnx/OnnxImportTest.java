package io.github.perceptron.onnx;

import static io.github.perceptron.onnx.HandWrittenOnnx.floatTensor;
import static io.github.perceptron.onnx.HandWrittenOnnx.intAttribute;
import static io.github.perceptron.onnx.HandWrittenOnnx.message;
import static io.github.perceptron.onnx.HandWrittenOnnx.model;
import static io.github.perceptron.onnx.HandWrittenOnnx.node;
import static io.github.perceptron.onnx.HandWrittenOnnx.value;
import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.github.perceptron.core.model.Model;
import io.github.perceptron.core.model.Prediction;
import io.github.perceptron.core.model.Provenance;
import io.github.perceptron.core.testing.TinyModels;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Files written by the exporter and by other tools' conventions read back as models; everything else refused in one line. */
class OnnxImportTest {

    // A 4 → 3 (ReLU) → 2 network, small enough to check by hand.
    private static final float[] W1 = {0.5f, -1f, 0.25f, 1f, 0.5f, -0.5f, -0.25f, 0.75f, 1f, 0.1f, -0.2f, 0.3f};  // [4, 3]
    private static final float[] B1 = {0.1f, -0.2f, 0.05f};
    private static final float[] W2 = {1f, -1f, 0.5f, 0.25f, -0.75f, 2f};  // [3, 2]
    private static final float[] B2 = {0.3f, -0.1f};
    private static final float[] X = {0.2f, 0.9f, 0.4f, 0.7f};

    @Test
    void an_exported_model_reads_back_with_bit_identical_predictions_and_its_metadata() {
        Model original = TinyModels.trained();
        Provenance provenance = new Provenance(Map.of("lr", "0.1", "epochs", "2"), "sha256:aa", "sha256:bb", "none", 2,
                "the last epoch", "vector (512-bit)", 2, "17.0.15", "test cpu", "abc123");
        original = original.withMetadata(original.metadata().withProvenance(provenance));
        Model read = OnnxModelStore.parse(OnnxModelStore.export(original), "m.onnx");

        assertThat(read.spec().sizes()).isEqualTo(original.spec().sizes());
        assertThat(read.classNames()).isEqualTo(original.classNames());
        assertThat(read.width()).isEqualTo(8);
        assertThat(read.metadata()).isEqualTo(original.metadata());
        for (float[] image : TinyModels.images(50)) {
            Prediction expected = original.predict(image);
            Prediction actual = read.predict(image);
            assertThat(actual.label()).isEqualTo(expected.label());
            assertThat(Arrays.equals(actual.probabilities(), expected.probabilities())).isTrue();
        }
    }

    @Test
    void a_matmul_and_add_graph_reads_as_a_dense_network_and_agrees_with_onnx_runtime() throws Exception {
        HandWrittenOnnx graph = message()
                .sub(1, node("MatMul", "h", "x", "W1")).sub(1, node("Add", "h1", "h", "B1")).sub(1, node("Relu", "h2", "h1"))
                .sub(1, node("MatMul", "o", "h2", "W2")).sub(1, node("Add", "o1", "B2", "o")).sub(1, node("Softmax", "y", "o1"))
                .sub(5, floatTensor("W1", W1, 4, 3)).sub(5, floatTensor("B1", B1, 3))
                .sub(5, floatTensor("W2", W2, 3, 2)).sub(5, floatTensor("B2", B2, 2))
                .sub(11, value("x", 1, -1, 4)).sub(12, value("y", 1, -1, 2));
        byte[] file = model(graph, 17).bytes();

        Model read = OnnxModelStore.parse(file, "matmul.onnx");

        assertThat(read.spec().sizes()).containsExactly(4, 3, 2);
        assertThat(read.spec().loss().id()).isEqualTo("cross-entropy");
        assertThat(read.classNames()).containsExactly("0", "1");
        assertThat(read.width() * read.height()).isEqualTo(4);
        float[] ours = read.predict(X).probabilities();
        assertThat(ours).containsExactly(byHand(), org.assertj.core.data.Offset.offset(1e-6f));
        assertThat(ours).containsExactly(onnxRuntime(file, X), org.assertj.core.data.Offset.offset(1e-6f));
    }

    @Test
    void a_transposed_gemm_after_flatten_ending_in_logits_reads_as_pytorch_writes_it() throws Exception {
        // PyTorch's Linear: Gemm with transB = 1 and weights [out, in]; no softmax at the end.
        HandWrittenOnnx graph = message()
                .sub(1, node("Flatten", "flat", "input.1"))
                .sub(1, node("Gemm", "h", "flat", "fc1.weight", "fc1.bias").sub(5, intAttribute("transB", 1)))
                .sub(1, node("Relu", "h1", "h"))
                .sub(1, node("Identity", "h2", "h1"))
                .sub(1, node("Gemm", "logits", "h2", "fc2.weight", "fc2.bias").sub(5, intAttribute("transB", 1)))
                .sub(5, floatTensor("fc1.weight", transpose(W1, 4, 3), 3, 4)).sub(5, floatTensor("fc1.bias", B1, 3))
                .sub(5, floatTensor("fc2.weight", transpose(W2, 3, 2), 2, 3)).sub(5, floatTensor("fc2.bias", B2, 2))
                .sub(11, value("input.1", 1, -1, 1, 2, 2)).sub(12, value("logits", 1, -1, 2));

        Model read = OnnxModelStore.parse(model(graph, 13).bytes(), "torch.onnx");

        assertThat(read.spec().sizes()).containsExactly(4, 3, 2);
        assertThat(read.width()).isEqualTo(2);
        assertThat(read.predict(X).probabilities()).containsExactly(byHand(), org.assertj.core.data.Offset.offset(1e-6f));
    }

    @Test
    void a_reshape_to_its_integer_shape_passes_the_pixels_through() {
        byte[] shape = java.nio.ByteBuffer.allocate(16).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(-1).putLong(4).array();
        HandWrittenOnnx graph = message()
                .sub(1, node("Reshape", "flat", "x", "shape"))
                .sub(1, node("Gemm", "h", "flat", "W1", "B1")).sub(1, node("Relu", "h1", "h"))
                .sub(1, node("Gemm", "o", "h1", "W2", "B2")).sub(1, node("Softmax", "y", "o"))
                .sub(5, message().varint(1, 2).varint(2, 7).text(8, "shape").blob(9, shape))
                .sub(5, floatTensor("W1", W1, 4, 3)).sub(5, floatTensor("B1", B1, 3))
                .sub(5, floatTensor("W2", W2, 3, 2)).sub(5, floatTensor("B2", B2, 2))
                .sub(11, value("x", 1, -1, 1, 4)).sub(12, value("y", 1, -1, 2));

        Model read = OnnxModelStore.parse(model(graph, 13).bytes(), "reshape.onnx");

        assertThat(read.predict(X).probabilities()).containsExactly(byHand(), org.assertj.core.data.Offset.offset(1e-6f));
    }

    @Test
    void a_sigmoid_output_reads_as_an_mse_model() {
        HandWrittenOnnx graph = message()
                .sub(1, node("Gemm", "h", "x", "W1", "B1")).sub(1, node("Tanh", "h1", "h"))
                .sub(1, node("Gemm", "o", "h1", "W2", "B2")).sub(1, node("Sigmoid", "y", "o"))
                .sub(5, floatTensor("W1", W1, 4, 3)).sub(5, floatTensor("B1", B1, 3))
                .sub(5, floatTensor("W2", W2, 3, 2)).sub(5, floatTensor("B2", B2, 2))
                .sub(11, value("x", 1, -1, 4)).sub(12, value("y", 1, -1, 2));

        Model read = OnnxModelStore.parse(model(graph, 13).bytes(), "mse.onnx");

        assertThat(read.spec().loss().id()).isEqualTo("mse");
        assertThat(read.spec().hidden()).hasSize(1);
    }

    private static float[] byHand() {
        double[] h = new double[3];
        for (int j = 0; j < 3; j++) {
            double sum = B1[j];
            for (int i = 0; i < 4; i++) {
                sum += X[i] * W1[i * 3 + j];
            }
            h[j] = Math.max(0, sum);
        }
        double[] o = new double[2];
        for (int j = 0; j < 2; j++) {
            double sum = B2[j];
            for (int i = 0; i < 3; i++) {
                sum += h[i] * W2[i * 2 + j];
            }
            o[j] = sum;
        }
        double max = Math.max(o[0], o[1]);
        double total = Math.exp(o[0] - max) + Math.exp(o[1] - max);
        return new float[] {(float) (Math.exp(o[0] - max) / total), (float) (Math.exp(o[1] - max) / total)};
    }

    private static float[] onnxRuntime(byte[] file, float[] x) throws Exception {
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession session = environment.createSession(file, new OrtSession.SessionOptions());
             OnnxTensor input = OnnxTensor.createTensor(environment, FloatBuffer.wrap(x), new long[] {1, x.length});
             OrtSession.Result result = session.run(Map.of("x", input))) {
            return ((float[][]) result.get(0).getValue())[0];
        }
    }

    private static float[] transpose(float[] m, int rows, int columns) {
        float[] t = new float[m.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                t[c * rows + r] = m[r * columns + c];
            }
        }
        return t;
    }

}

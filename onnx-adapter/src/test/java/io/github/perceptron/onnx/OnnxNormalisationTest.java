package io.github.perceptron.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.github.perceptron.core.data.InputNormalisation;
import io.github.perceptron.core.data.LabelledImages;
import io.github.perceptron.core.data.Split;
import io.github.perceptron.core.testing.SyntheticImages;
import io.github.perceptron.dataset.DatasetFetcher;
import io.github.perceptron.dataset.IdxDatasetSource;
import io.github.perceptron.dataset.KnownDataset;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The export's normalisation nodes, alone in a graph and run in ONNX Runtime, give the very
 * pixels core's {@link InputNormalisation} gives, on 2,000 MNIST test images (synthetic blobs
 * where MNIST is not cached): no pixel differs, so an exported normalising network sees what it
 * was trained on.
 */
class OnnxNormalisationTest {

    private static final int IMAGES = 2000;

    @ParameterizedTest
    @ValueSource(strings = {"deskew", "width12", "width20", "width4"})
    void onnx_runtime_normalises_every_pixel_as_core_does(String kind) throws Exception {
        InputNormalisation normalisation = InputNormalisation.parse(kind);
        LabelledImages images = images();
        float[] pixels = new float[IMAGES * 784];
        for (int i = 0; i < IMAGES; i++) {
            images.copyScaled(i, pixels, i * 784);
        }
        float[][] theirs = run(graph(normalisation), pixels);

        int differing = 0;
        int changed = 0;
        for (int i = 0; i < IMAGES; i++) {
            float[] image = Arrays.copyOfRange(pixels, i * 784, (i + 1) * 784);
            float[] ours = normalisation.apply(image, 28, 28);
            differing += Arrays.equals(ours, theirs[i]) ? 0 : 1;
            changed += Arrays.equals(ours, image) ? 0 : 1;
        }
        assertThat(changed).as("images the normalisation changes").isGreaterThan(IMAGES / 2);
        assertThat(differing).as("images whose normalised pixels differ from core's").isZero();
    }

    private static LabelledImages images() {
        Path mnist = DatasetFetcher.defaultDirectory(KnownDataset.MNIST, System.getenv());
        return DatasetFetcher.isComplete(KnownDataset.MNIST, mnist)
                ? IdxDatasetSource.mnist(mnist).load(Split.TEST).slice(0, IMAGES)
                : SyntheticImages.blobs(IMAGES, 28, 28, 10, 3);
    }

    /** A graph of the normalisation alone: pixels [N, 784] in, normalised pixels [N, 784] out. */
    private static byte[] graph(InputNormalisation normalisation) {
        ProtoWriter graph = new ProtoWriter();
        String normalised = OnnxNormalisation.write(graph, "", normalisation, OnnxExporter.INPUT, 28, 28);
        graph.message(1, node -> node.string(1, normalised).string(2, OnnxExporter.OUTPUT).string(3, "out")
                .string(4, "Identity"));
        graph.string(2, "normalisation");
        graph.message(11, value -> pixelsInfo(value, OnnxExporter.INPUT));
        graph.message(12, value -> pixelsInfo(value, OnnxExporter.OUTPUT));
        return new ProtoWriter().int64(1, OnnxExporter.IR_VERSION)
                .message(8, opset -> opset.string(1, "").int64(2, OnnxExporter.OPSET))
                .bytes(7, graph.toByteArray()).toByteArray();
    }

    private static void pixelsInfo(ProtoWriter value, String name) {
        value.string(1, name).message(2, type -> type.message(1, tensor -> tensor.int64(1, 1)
                .message(2, shape -> shape.message(1, dim -> dim.string(2, "N")).message(1, dim -> dim.int64(1, 784)))));
    }

    private static float[][] run(byte[] model, float[] pixels) throws Exception {
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
             OrtSession session = environment.createSession(model, options);
             OnnxTensor input = OnnxTensor.createTensor(environment, FloatBuffer.wrap(pixels),
                     new long[] {pixels.length / 784, 784});
             OrtSession.Result result = session.run(Map.of(OnnxExporter.INPUT, input))) {
            return (float[][]) result.get(0).getValue();
        }
    }
}

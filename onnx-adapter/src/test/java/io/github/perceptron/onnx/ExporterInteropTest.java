package io.github.perceptron.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.perceptron.core.model.Model;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Files written by the exporters people use (committed under {@code interop/}, made by
 * {@code scripts/onnx/interop_fixtures.py}): each is read, and answers MNIST test images 0-99 with
 * its framework's own probabilities. No Python at test time.
 */
class ExporterInteropTest {

    /** float32 through the same operations in another order: ONNX Runtime agreed with ours to 1.4e-6. */
    private static final double TOLERANCE = 1e-5;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"torch_legacy", "torch_dynamo", "torch_dynamo_softmax", "sklearn_zipmap", "sklearn_plain"})
    void an_export_is_read_and_answers_as_its_framework(String name) throws Exception {
        Path model = copy(name + ".onnx");
        if (name.startsWith("torch_dynamo")) {
            copy(name + ".onnx.data");  // PyTorch's default export keeps the weights beside the model
        }
        Model read = new OnnxModelStore().load(model);
        byte[] pixels = resource("inputs.u8");
        List<String> expected = new String(resource(name + ".expected.txt"), StandardCharsets.UTF_8).lines().toList();
        assertThat(expected).hasSize(100);
        double worst = 0;
        for (int image = 0; image < 100; image++) {
            float[] input = new float[784];
            for (int i = 0; i < 784; i++) {
                input[i] = (pixels[image * 784 + i] & 0xff) / 255f;
            }
            float[] probabilities = read.predict(input).probabilities();
            String[] theirs = expected.get(image).split(" ");
            assertThat(probabilities).hasSize(theirs.length);
            for (int c = 0; c < theirs.length; c++) {
                worst = Math.max(worst, Math.abs(probabilities[c] - Double.parseDouble(theirs[c])));
            }
        }
        System.out.printf("interop %s: largest difference %.1e%n", name, worst);
        assertThat(worst).as("largest difference from the framework's probabilities").isLessThan(TOLERANCE);
    }

    private Path copy(String name) throws IOException {
        return Files.write(dir.resolve(name), resource(name));
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ExporterInteropTest.class.getResourceAsStream("/interop/" + name)) {
            if (in == null) {
                throw new IOException("missing test resource interop/" + name);
            }
            return in.readAllBytes();
        }
    }
}

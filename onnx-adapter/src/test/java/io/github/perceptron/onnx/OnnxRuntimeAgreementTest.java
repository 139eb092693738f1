package io.github.perceptron.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.github.perceptron.core.data.InputNormalisation;
import io.github.perceptron.core.data.LabelledImages;
import io.github.perceptron.core.data.Split;
import io.github.perceptron.core.layer.Activation;
import io.github.perceptron.core.loss.Loss;
import io.github.perceptron.core.model.Model;
import io.github.perceptron.core.model.ModelMetadata;
import io.github.perceptron.core.model.Prediction;
import io.github.perceptron.core.optim.OptimizerSpec;
import io.github.perceptron.core.testing.SyntheticImages;
import io.github.perceptron.core.train.TrainingListener;
import io.github.perceptron.core.train.TrainingPlan;
import io.github.perceptron.core.trainer.Trainer;
import io.github.perceptron.dataset.DatasetFetcher;
import io.github.perceptron.dataset.IdxDatasetSource;
import io.github.perceptron.dataset.KnownDataset;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Exported models run in Microsoft's ONNX Runtime (1.22.0) on the 10,000 MNIST test images (or
 * synthetic ones where MNIST is not cached): every image gets the same class, and every
 * probability is within 1e-5 of perceptron's. One case per activation, a deep network, and an
 * MSE model with a sigmoid output. Each prints its figures (see docs/onnx.md).
 */
class OnnxRuntimeAgreementTest {

    private static final Path MNIST = DatasetFetcher.defaultDirectory(KnownDataset.MNIST, System.getenv());
    private static LabelledImages train;
    private static LabelledImages test;
    private static String data;

    @BeforeAll
    static void data() {
        if (DatasetFetcher.isComplete(KnownDataset.MNIST, MNIST)) {
            IdxDatasetSource source = IdxDatasetSource.mnist(MNIST);
            train = source.load(Split.TRAIN);
            test = source.load(Split.TEST);
            data = "MNIST";
        } else {
            train = SyntheticImages.blobs(6000, 28, 28, 10, 1);
            test = SyntheticImages.blobs(10000, 28, 28, 10, 2);
            data = "synthetic blobs (MNIST not cached)";
        }
    }

    static Stream<Arguments> networks() {
        return Stream.of(
                Arguments.of("relu [784,100,10] cross-entropy", List.of(784, 100, 10), Activation.RELU, false),
                Arguments.of("sigmoid [784,100,10] cross-entropy", List.of(784, 100, 10), Activation.SIGMOID, false),
                Arguments.of("tanh [784,100,10] cross-entropy", List.of(784, 100, 10), Activation.TANH, false),
                Arguments.of("deep relu [784,128,64,32,10] cross-entropy", List.of(784, 128, 64, 32, 10), Activation.RELU, false),
                Arguments.of("sigmoid [784,30,10] mse (sigmoid output)", List.of(784, 30, 10), Activation.SIGMOID, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void onnx_runtime_gives_the_same_class_and_probabilities_within_1e_5(String name, List<Integer> layers,
                                                                          Activation activation, boolean mse) throws Exception {
        TrainingPlan.Builder plan = TrainingPlan.builder().layers(layers.stream().mapToInt(Integer::intValue).toArray())
                .activation(activation).dropout(0.1).epochs(1).batchSize(50).seed(7);
        if (mse) {
            plan.loss(Loss.meanSquaredError(Activation.SIGMOID)).optimizer(new OptimizerSpec.Sgd(3)).dropout(0);
        }
        var network = new Trainer(plan.build(), TrainingListener.NONE).train(train, null).network();
        Model model = Model.restore(network.spec(), network.parameters().stream().map(p -> p.values()).toList(), 28, 28,
                train.classNames(),
                new ModelMetadata(data, 7, 1, OptionalDouble.empty(), "test", Instant.parse("2026-11-27T00:00:00Z")));
        agree(name, model);
    }

    /**
     * A committee of three (two [784,100,10] from seeds 7 and 8, one [784,64,32,10]): its members
     * each a section of the graph, one Mean at the end. ONNX Runtime gives every test image the
     * committee's class and probabilities, and so the accuracy {@code evaluate} gives.
     */
    @org.junit.jupiter.api.Test
    void a_committee_agrees_with_onnx_runtime_and_with_its_evaluation() throws Exception {
        List<Model> members = new ArrayList<>();
        int[][] layers = {{784, 100, 10}, {784, 100, 10}, {784, 64, 32, 10}};
        for (int k = 0; k < layers.length; k++) {
            var network = new Trainer(TrainingPlan.builder().layers(layers[k]).dropout(0.1).epochs(1).batchSize(50)
                    .seed(7 + k).build(), TrainingListener.NONE).train(train, null).network();
            members.add(Model.restore(network.spec(), network.parameters().stream().map(p -> p.values()).toList(), 28, 28,
                    train.classNames(), new ModelMetadata(data, 7 + k, 1, OptionalDouble.empty(), "test",
                            Instant.parse("2026-12-03T00:00:00Z"))));
        }
        Model committee = Model.committee(members, new ModelMetadata(data, 7, 1, OptionalDouble.empty(), "test",
                Instant.parse("2026-12-03T00:00:00Z")));
        float[][] theirs = agree("committee of 3: 2 × relu [784,100,10], relu [784,64,32,10]", committee);

        int correct = 0;
        for (int i = 0; i < test.size(); i++) {
            correct += argmax(theirs[i]) == test.label(i) ? 1 : 0;
        }
        assertThat(correct).as("test images ONNX Runtime classifies right, against evaluate's accuracy")
                .isEqualTo(Math.round(committee.evaluate(test).accuracy() * test.size()));
    }

    /**
     * A committee whose members see the digits their own way (as they are, deskewed, 12 pixels
     * wide), as {@code --preset committee-five}'s do: the graph computes each member's normalisation
     * (moments or bounding box, bilinear resampling, rounding) before its first Gemm, and ONNX
     * Runtime gives every test image the committee's class and probabilities.
     */
    @org.junit.jupiter.api.Test
    void a_committee_of_normalising_members_agrees_with_onnx_runtime() throws Exception {
        List<Model> members = new ArrayList<>();
        InputNormalisation[] normalisations = {InputNormalisation.NONE, InputNormalisation.DESKEW,
                InputNormalisation.width(12)};
        for (int k = 0; k < normalisations.length; k++) {
            var network = new Trainer(TrainingPlan.builder().layers(784, 100, 10).epochs(1).batchSize(50).seed(7 + k)
                    .build(), TrainingListener.NONE).train(normalisations[k].apply(train), null).network();
            Model member = Model.restore(network.spec(), network.parameters().stream().map(p -> p.values()).toList(), 28,
                    28, train.classNames(), new ModelMetadata(data, 7 + k, 1, OptionalDouble.empty(), "test",
                            Instant.parse("2026-12-03T00:00:00Z")));
            members.add(normalisations[k].isNone() ? member : member.withInputNormalisation(normalisations[k]));
            if (k > 0) {
                agree("relu [784,100,10], " + normalisations[k].id(), members.get(k));
            }
        }
        Model committee = Model.committee(members, new ModelMetadata(data, 7, 1, OptionalDouble.empty(), "test",
                Instant.parse("2026-12-03T00:00:00Z")));
        float[][] theirs = agree("committee of 3: relu [784,100,10] as they are, deskew, width12", committee);
        int correct = 0;
        for (int i = 0; i < test.size(); i++) {
            correct += argmax(theirs[i]) == test.label(i) ? 1 : 0;
        }
        assertThat(correct).isEqualTo(Math.round(committee.evaluate(test).accuracy() * test.size()));
    }

    /**
     * The same check on a model saved by {@code perceptron train}:
     * {@code -Dperceptron.onnx.model=FILE} (how docs/onnx.md's figures for the default model were made).
     */
    @org.junit.jupiter.api.Test
    void a_saved_model_agrees_too_when_one_is_given() throws Exception {
        String saved = System.getProperty("perceptron.onnx.model");
        org.junit.jupiter.api.Assumptions.assumeTrue(saved != null, "no -Dperceptron.onnx.model given");
        Model model = new io.github.perceptron.persistence.JsonModelStore().load(Path.of(saved));
        agree(saved, model);
    }

    private static float[][] agree(String name, Model model) throws Exception {
        byte[] exported = OnnxModelStore.export(model);

        int n = test.size();
        float[] pixels = new float[n * 784];
        List<float[]> images = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            test.copyScaled(i, pixels, i * 784);
            float[] image = new float[784];
            System.arraycopy(pixels, i * 784, image, 0, 784);
            images.add(image);
        }
        List<Prediction> ours = model.predictAll(images);
        float[][] theirs = run(exported, pixels, n);

        int agree = 0;
        double maxDelta = 0;
        for (int i = 0; i < n; i++) {
            agree += argmax(theirs[i]) == ours.get(i).label() ? 1 : 0;
            for (int c = 0; c < 10; c++) {
                maxDelta = Math.max(maxDelta, Math.abs(theirs[i][c] - ours.get(i).probabilities()[c]));
            }
        }
        System.out.printf(Locale.ROOT, "ONNX Runtime agreement | %s | %s | %d of %d images agree | max |Δp| %.2e | %d bytes%n",
                name, data, agree, n, maxDelta, exported.length);
        assertThat(agree).as("images whose class ONNX Runtime agrees on").isEqualTo(n);
        assertThat(maxDelta).as("largest probability difference").isLessThanOrEqualTo(1e-5);
        return theirs;
    }

    /** ONNX Runtime's probabilities, 500 images a run: a normalising graph's resampling weights grow with the batch. */
    private static float[][] run(byte[] model, float[] pixels, int n) throws Exception {
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        float[][] all = new float[n][];
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
             OrtSession session = environment.createSession(model, options)) {
            assertThat(session.getInputNames()).containsExactly(OnnxExporter.INPUT);
            assertThat(session.getOutputNames()).containsExactly(OnnxExporter.OUTPUT);
            for (int from = 0; from < n; from += 500) {
                int rows = Math.min(500, n - from);
                float[] chunk = java.util.Arrays.copyOfRange(pixels, from * 784, (from + rows) * 784);
                try (OnnxTensor input = OnnxTensor.createTensor(environment, FloatBuffer.wrap(chunk), new long[] {rows, 784});
                     OrtSession.Result result = session.run(Map.of(OnnxExporter.INPUT, input))) {
                    System.arraycopy((float[][]) result.get(0).getValue(), 0, all, from, rows);
                }
            }
        }
        return all;
    }

    private static int argmax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}

package io.github.perceptron.core.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.perceptron.core.augment.Augmentation;
import io.github.perceptron.core.batch.BatchAssembler;
import io.github.perceptron.core.batch.BatchDistortion;
import io.github.perceptron.core.data.LabelledImages;
import io.github.perceptron.core.engine.Network;
import io.github.perceptron.core.engine.Parameter;
import io.github.perceptron.core.kernel.Parallel;
import io.github.perceptron.core.layer.Activation;
import io.github.perceptron.core.loss.Loss;
import io.github.perceptron.core.optim.OptimizerSpec;
import io.github.perceptron.core.random.SeededRandom;
import io.github.perceptron.core.testing.SyntheticImages;
import io.github.perceptron.core.train.ClassWeights;
import io.github.perceptron.core.train.TrainingPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The training step in one parallel region ({@link Network#trainStep}, as {@link TrainingSteps}
 * runs it) gives the bits of the step it replaced, product by product ({@code computeGradients},
 * then {@code Optimizer.step}), for 1, 2, 3 and 4 threads: with dropout, augmentation, class
 * weights, a loss without a fused gradient, and batches that are not a multiple of four rows.
 */
class OneRegionStepTest {

    /** 250 images: batches of 64 end with 58 rows, batches of 50 leave 2 rows past the last four. */
    private static final LabelledImages IMAGES = SyntheticImages.blobs(250, 28, 28, 10, 5);

    static Stream<Arguments> plans() {
        Augmentation distorted = Augmentation.NONE.withShift(2).withRotation(10).withElastic(34, 4);
        return Stream.of(
                Arguments.of("[784,100,30,10] ReLU, dropout, augmentation, balanced classes, Nesterov",
                        TrainingPlan.builder().layers(784, 100, 30, 10).activation(Activation.RELU).dropout(0.2)
                                .augmentation(distorted).classWeights(ClassWeights.balancedWeights())
                                .optimizer(new OptimizerSpec.Nesterov(0.05, 0.9)).batchSize(64).epochs(2).build()),
                Arguments.of("[784,64,10] sigmoid, squared error, Adam with L2, batches of 50",
                        TrainingPlan.builder().layers(784, 64, 10).activation(Activation.SIGMOID)
                                .loss(Loss.fromId("mse")).optimizer(new OptimizerSpec.Adam(0.001)).l2(1e-4)
                                .batchSize(50).epochs(2).build()),
                Arguments.of("[784,30,10] tanh, momentum, a dropout on the inputs' layer, batches of 37",
                        TrainingPlan.builder().layers(784, 30, 10).activation(Activation.TANH).dropout(0.5)
                                .optimizer(new OptimizerSpec.Momentum(0.1, 0.9)).batchSize(37).epochs(2).build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plans")
    void the_step_in_one_region_gives_the_old_steps_bits_for_any_thread_count(String name, TrainingPlan plan) {
        List<float[]> expected = productByProduct(plan, 1);
        assertSame(productByProduct(plan, 3), expected);
        for (int threads = 1; threads <= 4; threads++) {
            List<float[]> actual = oneRegion(plan, threads);
            assertSame(actual, expected);
        }
    }

    private static void assertSame(List<float[]> actual, List<float[]> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int p = 0; p < expected.size(); p++) {
            assertThat(actual.get(p)).as("tensor %d", p).isEqualTo(expected.get(p));
        }
    }

    /** Two epochs through {@link TrainingSteps}: the step in one region. */
    private static List<float[]> oneRegion(TrainingPlan plan, int threads) {
        Network network = network(plan, threads);
        Optimizer optimizer = new Optimizer(plan.optimizer(), network.parameters(), threads);
        TrainingSteps steps = new TrainingSteps(plan, network, optimizer, new SeededRandom(plan.seed() + 1),
                IntStream.range(0, IMAGES.size()).toArray(), IMAGES);
        for (int epoch = 1; epoch <= plan.epochs(); epoch++) {
            steps.startEpoch();
            for (int b = 0; b < steps.batches(); b++) {
                steps.step(epoch, b, steps.learningRate(epoch, b));
            }
        }
        return weights(network);
    }

    /** The same epochs as the step was before the region: gather, distort, each product split on its own, update. */
    private static List<float[]> productByProduct(TrainingPlan plan, int threads) {
        Network network = network(plan, threads);
        Optimizer optimizer = new Optimizer(plan.optimizer(), network.parameters(), threads);
        SeededRandom random = new SeededRandom(plan.seed() + 1);
        int[] order = IntStream.range(0, IMAGES.size()).toArray();
        BatchAssembler batch = new BatchAssembler(IMAGES, plan.batchSize());
        BatchDistortion distortion = plan.augmentation().isActive()
                ? new BatchDistortion(plan.augmentation(), 28, 28, threads, plan.batchSize()) : null;
        int batches = (IMAGES.size() + plan.batchSize() - 1) / plan.batchSize();
        for (int epoch = 1; epoch <= plan.epochs(); epoch++) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int b = 0; b < batches; b++) {
                int from = b * plan.batchSize();
                int rows = Math.min(plan.batchSize(), IMAGES.size() - from);
                if (distortion != null) {
                    distortion.drawSeeds(rows, random);
                }
                Parallel.forEachChunk(threads, rows, (chunk, first, end) -> {
                    batch.fillRows(order, from, first, end);
                    if (distortion != null) {
                        distortion.distort(chunk, batch.inputs(), first, end);
                    }
                });
                network.computeGradients(batch.inputs(), batch.labels(), rows, random);
                optimizer.step(plan.learningRate(epoch, b, batches), plan.l2());
            }
        }
        return weights(network);
    }

    private static Network network(TrainingPlan plan, int threads) {
        Network network = Network.create(plan.network(), new SeededRandom(plan.seed()), threads);
        network.weighClasses(plan.classWeights().resolve(IMAGES.labelHistogram()));
        return network;
    }

    private static List<float[]> weights(Network network) {
        List<float[]> weights = new ArrayList<>();
        for (Parameter parameter : network.parameters()) {
            weights.add(parameter.values().clone());
        }
        return weights;
    }
}

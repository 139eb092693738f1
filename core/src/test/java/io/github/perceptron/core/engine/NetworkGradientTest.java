package io.github.perceptron.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.perceptron.core.engine.Network;
import io.github.perceptron.core.eval.Evaluation;
import io.github.perceptron.core.layer.Activation;
import io.github.perceptron.core.layer.Initialization;
import io.github.perceptron.core.layer.LayerSpec;
import io.github.perceptron.core.loss.Loss;
import io.github.perceptron.core.network.NetworkSpec;
import io.github.perceptron.core.random.SeededRandom;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Backprop against central differences on small random networks, five seeds each. Bound: the
 * relative error {@code ‖a - n‖ / (‖a‖ + ‖n‖)} per parameter tensor stays below 2e-2. Float32
 * rounding with h = 1e-2 gives 1e-3 to 8e-3 here; a missing or wrong backprop term gives O(1).
 */
class NetworkGradientTest {

    private static final float H = 1e-2f;
    private static final double BOUND = 2e-2;
    private static final int ROWS = 4;
    private static final int INPUTS = 6;

    @ParameterizedTest
    @EnumSource(value = Activation.class, names = {"IDENTITY", "SIGMOID", "TANH", "RELU"})
    void every_hidden_activation_backpropagates_like_central_differences_under_cross_entropy(Activation activation) {
        NetworkSpec spec = NetworkSpec.of(List.of(INPUTS, 5, 4, 3), activation, Loss.crossEntropy(), 0,
                Initialization.XAVIER);
        assertThat(check(spec)).isLessThan(BOUND);
    }

    /** ReLU is checked in the hidden layers; as an MSE output it sits on its kink too often for h = 1e-2. */
    @ParameterizedTest
    @EnumSource(value = Activation.class, names = {"IDENTITY", "SIGMOID", "TANH"})
    void mean_squared_error_backpropagates_through_every_output_activation(Activation output) {
        NetworkSpec spec = new NetworkSpec(INPUTS, List.of(new LayerSpec.Dense(5, Activation.TANH)), 3,
                Loss.meanSquaredError(output), Optional.of(Initialization.XAVIER));
        assertThat(check(spec)).isLessThan(BOUND);
    }

    @Test
    void dropout_with_a_fixed_mask_backpropagates_like_central_differences() {
        NetworkSpec spec = NetworkSpec.of(List.of(INPUTS, 7, 5, 3), Activation.SIGMOID, Loss.crossEntropy(), 0.3,
                Initialization.XAVIER);
        assertThat(check(spec)).isLessThan(BOUND);
    }

    @Test
    void a_network_without_hidden_layers_is_softmax_regression_and_checks_too() {
        NetworkSpec spec = NetworkSpec.of(List.of(INPUTS, 3), Activation.RELU, Loss.crossEntropy(), 0, null);
        assertThat(check(spec)).isLessThan(BOUND);
    }

    @Test
    void class_weighted_cross_entropy_backpropagates_like_central_differences() {
        NetworkSpec spec = NetworkSpec.of(List.of(INPUTS, 5, 3), Activation.TANH, Loss.crossEntropy(), 0,
                Initialization.XAVIER);
        double worst = 0;
        for (int seed = 1; seed <= 5; seed++) {
            Network network = Network.create(spec, new SeededRandom(seed));
            randomiseBiases(network, seed);
            network.weighClasses(new float[] {0.25f, 3f, 1f});
            worst = Math.max(worst, GradientCheck.maxRelativeError(network, input(), new int[] {0, 1, 2, 1}, ROWS, H));
        }
        assertThat(worst).isLessThan(BOUND);
    }

    @Test
    void a_class_weight_scales_exactly_its_examples_loss_and_gradient() {
        NetworkSpec spec = NetworkSpec.of(List.of(INPUTS, 5, 3), Activation.TANH, Loss.crossEntropy(), 0, null);
        Network plain = Network.create(spec, new SeededRandom(3));
        Network doubled = Network.create(spec, new SeededRandom(3));
        doubled.weighClasses(new float[] {2f, 2f, 2f});
        int[] labels = {0, 1, 2, 1};
        double loss = plain.computeGradients(input(), labels, ROWS, new SeededRandom(99));
        assertThat(doubled.computeGradients(input(), labels, ROWS, new SeededRandom(99))).isEqualTo(2 * loss);
        for (int p = 0; p < plain.parameters().size(); p++) {
            float[] expected = plain.parameters().get(p).gradient().clone();
            for (int i = 0; i < expected.length; i++) {
                expected[i] *= 2;
            }
            assertThat(doubled.parameters().get(p).gradient()).isEqualTo(expected);
        }
        // Evaluation reports the true, unweighted loss.
        assertThat(doubled.computeLoss(input(), labels, ROWS)).isEqualTo(plain.computeLoss(input(), labels, ROWS));
    }

    @Test
    void the_check_detects_a_gradient_that_is_off_by_a_factor_of_two() {
        NetworkSpec spec = NetworkSpec.of(List.of(INPUTS, 5, 3), Activation.TANH, Loss.crossEntropy(), 0, null);
        Network network = Network.create(spec, new SeededRandom(3));
        int[] labels = {0, 1, 2, 1};
        network.computeGradients(input(), labels, ROWS, new SeededRandom(99));
        float[] doubled = network.parameters().get(0).gradient().clone();
        for (int i = 0; i < doubled.length; i++) {
            doubled[i] *= 2;
        }
        double[] numeric = GradientCheck.numericGradient(network, 0, input(), labels, ROWS, H);
        assertThat(GradientCheck.relativeError(doubled, numeric)).isGreaterThan(BOUND);
    }

    private static double check(NetworkSpec spec) {
        double worst = 0;
        for (int seed = 1; seed <= 5; seed++) {
            Network network = Network.create(spec, new SeededRandom(seed));
            randomiseBiases(network, seed);
            worst = Math.max(worst, GradientCheck.maxRelativeError(network, input(), new int[] {0, 1, 2, 1}, ROWS, H));
        }
        return worst;
    }

    /**
     * Zero biases put a ReLU exactly on its kink whenever a row's inputs to it are all zero, where
     * the numeric derivative is ½ and the analytic one 0; random biases keep the check off kinks.
     */
    private static void randomiseBiases(Network network, long seed) {
        SeededRandom random = new SeededRandom(seed + 100);
        for (Parameter parameter : network.parameters()) {
            if (!parameter.decays()) {
                for (int i = 0; i < parameter.size(); i++) {
                    parameter.values()[i] = (float) (0.1 * random.nextGaussian());
                }
            }
        }
    }

    private static float[] input() {
        SeededRandom random = new SeededRandom(11);
        float[] input = new float[ROWS * INPUTS];
        for (int i = 0; i < input.length; i++) {
            input[i] = (float) random.nextGaussian();
        }
        return input;
    }
}

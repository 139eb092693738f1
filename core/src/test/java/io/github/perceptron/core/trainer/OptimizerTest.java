package io.github.perceptron.core.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.perceptron.core.engine.Parameter;
import io.github.perceptron.core.optim.OptimizerSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Each rule against steps worked out by hand, from w = [1, -2] with lr = 0.1 and gradients
 * g1 = [0.5, -0.25] then g2 = [0.5, -0.25] (or g2 = [-0.5, -0.25] where said).
 */
class OptimizerTest {

    private static final float[] G1 = {0.5f, -0.25f};
    private static final float TOLERANCE = 1e-5f;

    @Test
    void sgd_steps_against_the_gradient() {
        assertThat(twoSteps(new OptimizerSpec.Sgd(0.1), 0, G1)).containsExactly(new float[] {0.9f, -1.95f}, within(TOLERANCE));
    }

    @Test
    void momentum_accumulates_velocity() {
        // v1 = [-0.05, 0.025], w1 = [0.95, -1.975]; v2 = 0.9 v1 - 0.1 g = [-0.095, 0.0475]
        assertThat(twoSteps(new OptimizerSpec.Momentum(0.1, 0.9), 0, G1))
                .containsExactly(new float[] {0.855f, -1.9275f}, within(TOLERANCE));
    }

    @Test
    void nesterov_looks_ahead_along_the_velocity() {
        // w1 = w + 0.9 v1 - 0.1 g = [0.905, -1.9525]; w2 = w1 + 0.9 v2 - 0.1 g
        assertThat(twoSteps(new OptimizerSpec.Nesterov(0.1, 0.9), 0, G1))
                .containsExactly(new float[] {0.7695f, -1.88475f}, within(TOLERANCE));
    }

    @Test
    void adagrad_divides_by_the_root_of_summed_squared_gradients() {
        // G1 = g², w1 = w - 0.1 sign(g) = [0.9, -1.9]; G2 = 2 g², w2 = w1 - 0.1 g / √(2 g²)
        assertThat(twoSteps(new OptimizerSpec.Adagrad(0.1), 0, G1))
                .containsExactly(new float[] {0.8292893f, -1.8292893f}, within(TOLERANCE));
    }

    @Test
    void rmsprop_divides_by_the_root_of_a_moving_mean_of_squares() {
        // E1 = 0.1 g², step 0.1/√0.1 = 0.3162278; E2 = 0.19 g², step 0.1/√0.19 = 0.2294157
        assertThat(twoSteps(new OptimizerSpec.RmsProp(0.1), 0, G1))
                .containsExactly(new float[] {0.4543565f, -1.4543565f}, within(TOLERANCE));
    }

    @Test
    void adam_corrects_the_bias_of_both_moments() {
        // step 1: m̂ = g, v̂ = g², w1 = [0.9, -1.9]. step 2 with g2 = [-0.5, -0.25]:
        // m = [-0.005, -0.0475], m̂ = m / 0.19 = [-0.0263158, -0.25], v̂ = [0.25, 0.0625]
        assertThat(twoSteps(new OptimizerSpec.Adam(0.1), 0, new float[] {-0.5f, -0.25f}))
                .containsExactly(new float[] {0.90526316f, -1.8f}, within(TOLERANCE));
    }

    @Test
    void l2_decays_weights_by_lr_times_lambda_but_not_biases() {
        Parameter weights = new Parameter("weights", new float[] {1f, -2f}, true);
        Parameter biases = new Parameter("biases", new float[] {1f, -2f}, false);
        System.arraycopy(G1, 0, weights.gradient(), 0, 2);
        System.arraycopy(G1, 0, biases.gradient(), 0, 2);
        new Optimizer(new OptimizerSpec.Sgd(0.1), List.of(weights, biases)).step(0.1, 0.5);
        assertThat(weights.values()).containsExactly(new float[] {0.9f, -1.875f}, within(TOLERANCE));
        assertThat(biases.values()).containsExactly(new float[] {0.95f, -1.975f}, within(TOLERANCE));
    }

    @Test
    void l2_never_enters_the_adaptive_accumulators() {
        Parameter weights = new Parameter("weights", new float[] {1f, -2f}, true);
        System.arraycopy(G1, 0, weights.gradient(), 0, 2);
        Optimizer adagrad = new Optimizer(new OptimizerSpec.Adagrad(0.1), List.of(weights));
        adagrad.step(0.1, 0.5);
        assertThat(adagrad.state(0)[0]).containsExactly(0.25f, 0.0625f);
        Optimizer adam = new Optimizer(new OptimizerSpec.Adam(0.1), List.of(weights));
        adam.step(0.1, 0.5);
        assertThat(adam.state(0)[0]).containsExactly(new float[] {0.05f, -0.025f}, within(1e-7f));
        assertThat(adam.state(0)[1]).containsExactly(new float[] {0.00025f, 0.0000625f}, within(1e-7f));
    }

    @Test
    void momentum_velocity_holds_only_the_gradient_step_under_l2() {
        Parameter weights = new Parameter("weights", new float[] {1f, -2f}, true);
        System.arraycopy(G1, 0, weights.gradient(), 0, 2);
        Optimizer momentum = new Optimizer(new OptimizerSpec.Momentum(0.1, 0.9), List.of(weights));
        momentum.step(0.1, 0.5);
        assertThat(momentum.state(0)[0]).containsExactly(new float[] {-0.05f, 0.025f}, within(1e-7f));
        assertThat(momentum.steps()).isEqualTo(1);
    }

    @Test
    void hyper_parameters_out_of_range_name_the_bad_value() {
        assertThatThrownBy(() -> new OptimizerSpec.Sgd(-1)).hasMessage("learning rate must be a positive number, was -1.0");
        assertThatThrownBy(() -> new OptimizerSpec.Momentum(0.1, 1.0)).hasMessage("momentum must be in [0, 1), was 1.0");
        assertThatThrownBy(() -> new OptimizerSpec.Adam(0.1, 0.9, Double.NaN, 1e-8)).hasMessageContaining("beta2");
    }

    @Test
    void every_rule_gives_the_same_bits_on_any_number_of_threads_and_updates_every_element_once() {
        List<OptimizerSpec> rules = List.of(new OptimizerSpec.Sgd(0.1), new OptimizerSpec.Momentum(0.1, 0.9),
                new OptimizerSpec.Nesterov(0.1, 0.9), new OptimizerSpec.Adagrad(0.1), new OptimizerSpec.RmsProp(0.1),
                new OptimizerSpec.Adam(0.1));
        for (OptimizerSpec rule : rules) {
            float[][] single = threeSteps(rule, 1);
            for (int threads = 2; threads <= 5; threads++) {
                float[][] split = threeSteps(rule, threads);
                for (int p = 0; p < single.length; p++) {
                    assertThat(split[p]).as("%s, %d threads, tensor %d", rule.id(), threads, p).isEqualTo(single[p]);
                }
            }
        }
    }

    @Test
    void a_thread_count_below_one_is_refused_naming_the_value() {
        Parameter parameter = new Parameter("weights", new float[] {1f}, true);
        assertThatThrownBy(() -> new Optimizer(new OptimizerSpec.Sgd(0.1), List.of(parameter), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("threads must be >= 1, was 0");
    }

    /** Tensors of awkward sizes (one element, fewer than the threads, odd), three steps with L2. */
    private static float[][] threeSteps(OptimizerSpec rule, int threads) {
        Random random = new Random(3);
        List<Parameter> parameters = new ArrayList<>();
        for (int size : new int[] {1, 3, 1001}) {
            float[] values = new float[size];
            for (int i = 0; i < size; i++) {
                values[i] = (float) random.nextGaussian();
            }
            parameters.add(new Parameter("t" + size, values, size > 1));
        }
        Optimizer optimizer = new Optimizer(rule, parameters, threads);
        for (int step = 0; step < 3; step++) {
            for (Parameter parameter : parameters) {
                for (int i = 0; i < parameter.size(); i++) {
                    parameter.gradient()[i] = (float) random.nextGaussian();
                }
            }
            optimizer.step(0.1, 0.01);
        }
        return parameters.stream().map(Parameter::values).toArray(float[][]::new);
    }

    private static float[] twoSteps(OptimizerSpec spec, double l2, float[] secondGradient) {
        Parameter parameter = new Parameter("weights", new float[] {1f, -2f}, true);
        Optimizer optimizer = new Optimizer(spec, List.of(parameter));
        System.arraycopy(G1, 0, parameter.gradient(), 0, 2);
        optimizer.step(0.1, l2);
        System.arraycopy(secondGradient, 0, parameter.gradient(), 0, 2);
        optimizer.step(0.1, l2);
        return parameter.values();
    }
}

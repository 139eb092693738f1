package io.github.perceptron.core.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.perceptron.core.random.SeededRandom;
import org.junit.jupiter.api.Test;

class InitializationTest {

    private static final int IN = 400;
    private static final int OUT = 100;

    @Test
    void he_weights_have_variance_two_over_fan_in_and_zero_biases() {
        float[] w = new float[IN * OUT];
        float[] b = new float[OUT];
        Initialization.HE.fill(w, b, IN, OUT, new SeededRandom(1));
        assertThat(variance(w)).isCloseTo(2.0 / IN, within(0.05 * 2.0 / IN));
        assertThat(b).containsOnly(0f);
    }

    @Test
    void xavier_weights_stay_within_the_glorot_limit_with_its_variance() {
        float[] w = new float[IN * OUT];
        Initialization.XAVIER.fill(w, new float[OUT], IN, OUT, new SeededRandom(1));
        double limit = Math.sqrt(6.0 / (IN + OUT));
        for (float v : w) {
            assertThat((double) Math.abs(v)).isLessThanOrEqualTo(limit);
        }
        assertThat(variance(w)).isCloseTo(2.0 / (IN + OUT), within(0.05 * 2.0 / (IN + OUT)));
    }

    @Test
    void normal_initialises_weights_and_biases_from_the_standard_normal_like_the_notebooks() {
        float[] w = new float[IN * OUT];
        float[] b = new float[OUT];
        Initialization.NORMAL.fill(w, b, IN, OUT, new SeededRandom(1));
        assertThat(variance(w)).isCloseTo(1.0, within(0.03));
        assertThat(variance(b)).isGreaterThan(0.5);
    }

    private static double variance(float[] values) {
        double mean = 0;
        for (float v : values) {
            mean += v;
        }
        mean /= values.length;
        double sum = 0;
        for (float v : values) {
            sum += (v - mean) * (v - mean);
        }
        return sum / values.length;
    }
}

package io.github.perceptron.core.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class ActivationTest {

    /** Points away from ReLU's kink at 0, where it has no derivative. */
    private static final float[] POINTS = {-3f, -1.2f, -0.4f, 0.3f, 0.9f, 2.5f};

    /** Central differences in double on f computed in float: bound 1e-3 absolute (h = 1e-3). */
    @ParameterizedTest
    @EnumSource(value = Activation.class, names = "SOFTMAX", mode = EnumSource.Mode.EXCLUDE)
    void derivative_from_output_matches_central_differences(Activation activation) {
        float h = 1e-3f;
        for (float z : POINTS) {
            float[] a = {z};
            activation.apply(a, 1, 1);
            float[] gradient = {1f};
            activation.multiplyByDerivative(a, gradient, 1);
            double numeric = (value(activation, z + h) - value(activation, z - h)) / (2.0 * h);
            assertThat((double) gradient[0]).as("%s'(%s)", activation, z).isCloseTo(numeric, within(1e-3));
        }
    }

    @Test
    void relu_derivative_is_exactly_one_for_every_positive_float_and_zero_at_zero() {
        float[] a = {Float.MIN_VALUE, Float.MIN_NORMAL, 1e-20f, 1f, Float.MAX_VALUE, 0f, Float.NaN};
        float[] gradient = {3f, 3f, 3f, 3f, 3f, 3f, 3f};
        Activation.RELU.multiplyByDerivative(a, gradient, a.length);
        assertThat(java.util.Arrays.copyOf(gradient, 6)).containsExactly(3f, 3f, 3f, 3f, 3f, 0f);
        assertThat(gradient[6]).isNaN();
    }

    @Test
    void softmax_rows_sum_to_one_without_overflow() {
        float[] z = {1000f, 1001f, 1002f, -5f, 0f, 5f};
        Activation.SOFTMAX.apply(z, 2, 3);
        assertThat(z[0] + z[1] + z[2]).isCloseTo(1f, within(1e-6f));
        assertThat(z[3] + z[4] + z[5]).isCloseTo(1f, within(1e-6f));
        assertThat(z[2]).isCloseTo(0.66524f, within(1e-5f));
    }

    @Test
    void softmax_refuses_an_element_wise_derivative() {
        assertThatThrownBy(() -> Activation.SOFTMAX.multiplyByDerivative(new float[1], new float[1], 1))
                .hasMessageContaining("fused with cross-entropy");
    }

    @Test
    void names_parse_case_insensitively_and_unknown_names_list_the_valid_ones() {
        assertThat(Activation.fromId("ReLU")).isEqualTo(Activation.RELU);
        assertThatThrownBy(() -> Activation.fromId("swish")).hasMessageContaining("swish").hasMessageContaining("tanh");
    }

    @Test
    void initialisation_suits_the_activation() {
        assertThat(Initialization.suitedTo(Activation.RELU)).isEqualTo(Initialization.HE);
        assertThat(Initialization.suitedTo(Activation.SIGMOID)).isEqualTo(Initialization.XAVIER);
    }

    private static double value(Activation activation, float z) {
        float[] a = {z};
        activation.apply(a, 1, 1);
        return a[0];
    }
}

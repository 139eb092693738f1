package io.github.perceptron.core.network;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.perceptron.core.train.TrainingPlan;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One set of limits, checked when a network is planned: whatever trains can be saved and read again. */
class NetworkLimitsTest {

    @Test
    void a_size_beyond_an_int_is_refused_without_overflowing() {
        assertThatThrownBy(() -> NetworkLimits.check(List.of(784, 1_000_000_000, 10)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("hidden layer 1 is 1000000000, outside 1..65536");
    }

    @Test
    void a_layer_one_unit_too_wide_is_refused() {
        assertThatThrownBy(() -> NetworkLimits.check(List.of(784, 65536, 65537, 10)))
                .hasMessage("hidden layer 2 is 65537, outside 1..65536");
    }

    @Test
    void images_of_1025_by_1025_are_one_input_too_many() {
        assertThatThrownBy(() -> NetworkLimits.check(List.of(1025 * 1025, 10, 10)))
                .hasMessage("the input size is 1050625, outside 1..1048576");
        assertThatCode(() -> NetworkLimits.check(List.of(1024 * 1024, 10, 10))).doesNotThrowAnyException();
    }

    @Test
    void the_parameter_count_is_bounded_too() {
        assertThatThrownBy(() -> NetworkLimits.check(List.of(784, 65536, 65536, 10)))
                .hasMessageContaining("weights and biases, more than the 100000000 a network may have");
    }

    @Test
    void the_spec_itself_checks_so_that_embedders_get_the_same_limits() {
        assertThatThrownBy(() -> TrainingPlan.builder().layers(784, 65537, 10).build())
                .hasMessage("hidden layer 1 is 65537, outside 1..65536");
    }

    @Test
    void a_negative_or_nan_dropout_rate_is_refused_not_taken_as_zero() {
        for (double rate : new double[] {-0.1, Double.NaN, 1.0}) {
            assertThatThrownBy(() -> TrainingPlan.builder().layers(784, 10, 10).dropout(rate).build())
                    .hasMessage("dropout rate must be in [0, 1), was " + rate);
        }
    }
}

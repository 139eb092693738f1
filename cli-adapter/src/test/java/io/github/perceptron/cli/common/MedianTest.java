package io.github.perceptron.cli.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MedianTest {

    @Test
    void middle_value_for_odd_counts_mean_of_the_middle_two_for_even_and_zero_for_none() {
        assertThat(Median.of(new double[] {3, 1, 2})).isEqualTo(2);
        assertThat(Median.of(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
        assertThat(Median.of(new double[0])).isZero();
        assertThat(Median.secondsPerEpoch(List.of())).isZero();
    }
}

package io.github.perceptron.cli.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The FLOP counts the performance issue states for one MNIST epoch. */
class BenchFlopsTest {

    @Test
    void one_epoch_of_784_30_10_is_5_75_gflop_and_784_100_30_10_is_20_gflop() {
        assertThat(BenchCommand.flopsPerEpoch(List.of(784, 30, 10), 60_000) / 1e9).isCloseTo(5.75, within(0.01));
        assertThat(BenchCommand.flopsPerEpoch(List.of(784, 100, 30, 10), 60_000) / 1e9).isCloseTo(20.0, within(0.01));
    }
}

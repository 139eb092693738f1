package io.github.perceptron.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.perceptron.core.engine.Network;
import io.github.perceptron.core.layer.Activation;
import io.github.perceptron.core.loss.Loss;
import io.github.perceptron.core.network.NetworkSpec;
import io.github.perceptron.core.random.SeededRandom;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The pool of networks a model predicts with: reused, and no larger when idle than its limit. */
class PredictorsTest {

    private final Network network = Network.create(NetworkSpec.of(List.of(784, 8, 10), Activation.RELU,
            Loss.crossEntropy(), 0, null), new SeededRandom(3));

    /** Borrows {@code depth} networks at once (each inside the last one's work), recording them. */
    private static Integer nested(Predictors predictors, int depth, Set<Network> seen) {
        Function<Network, Integer> work = borrowed -> {
            seen.add(borrowed);
            return depth == 1 ? 0 : nested(predictors, depth - 1, seen);
        };
        return predictors.apply(work);
    }

    @Test
    void one_caller_at_a_time_always_gets_the_same_network() {
        Predictors predictors = new Predictors(network, 4);
        Set<Network> seen = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            nested(predictors, 1, seen);
        }
        assertThat(seen).containsExactly(network);
        assertThat(predictors.idle()).isEqualTo(1);
    }

    @Test
    void after_a_burst_it_keeps_at_most_its_limit_idle_and_reuses_those() {
        Predictors predictors = new Predictors(network, 4);
        Set<Network> burst = new HashSet<>();
        nested(predictors, 20, burst);
        assertThat(burst).hasSize(20);
        assertThat(predictors.idle()).as("the spare and four others").isEqualTo(5);

        Set<Network> again = new HashSet<>();
        nested(predictors, 5, again);
        assertThat(burst).as("five at once are served by the idle five").containsAll(again);
        assertThat(predictors.idle()).isEqualTo(5);
    }
}

package io.github.perceptron.core.random;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeededRandomTest {

    @Test
    void nth_is_the_sequence_itself_so_split_draws_equal_one_stream() {
        for (long seed : new long[] {0, 1, -7, Long.MAX_VALUE}) {
            SeededRandom sequence = new SeededRandom(seed);
            for (int i = 0; i < 1000; i++) {
                assertThat(SeededRandom.nth(seed, i)).isEqualTo(sequence.nextLong());
            }
        }
    }

    @Test
    void reset_starts_a_seed_over() {
        SeededRandom random = new SeededRandom(5);
        long first = random.nextLong();
        random.nextLong();
        random.reset(5);
        assertThat(random.nextLong()).isEqualTo(first);
    }
}

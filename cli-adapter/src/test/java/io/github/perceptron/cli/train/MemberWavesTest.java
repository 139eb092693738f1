package io.github.perceptron.cli.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MemberWavesTest {

    @Test
    void fewer_members_than_threads_share_them_in_one_wave() {
        assertThat(MemberWaves.sizes(1, 2)).containsExactly(1);
        assertThat(MemberWaves.sizes(2, 2)).containsExactly(2);
        assertThat(MemberWaves.sizes(3, 8)).containsExactly(3);
        assertThat(MemberWaves.threadsEach(1, 2)).isEqualTo(2);
        assertThat(MemberWaves.threadsEach(3, 8)).isEqualTo(2);
    }

    @Test
    void the_first_wave_takes_the_members_left_over_so_that_no_later_wave_leaves_a_thread_idle() {
        assertThat(MemberWaves.sizes(3, 2)).containsExactly(3);
        assertThat(MemberWaves.sizes(5, 2)).containsExactly(3, 2);
        assertThat(MemberWaves.sizes(7, 2)).containsExactly(3, 2, 2);
        assertThat(MemberWaves.sizes(9, 4)).containsExactly(5, 4);
        assertThat(MemberWaves.threadsEach(3, 2)).isEqualTo(1);
    }

    @Test
    void members_that_divide_among_the_threads_train_in_waves_of_as_many_as_threads() {
        assertThat(MemberWaves.sizes(4, 2)).containsExactly(2, 2);
        assertThat(MemberWaves.sizes(3, 1)).containsExactly(1, 1, 1);
        assertThat(MemberWaves.sizes(8, 4)).containsExactly(4, 4);
    }

    @Test
    void no_members_or_no_threads_is_a_programming_error() {
        assertThatThrownBy(() -> MemberWaves.sizes(0, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MemberWaves.sizes(2, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}

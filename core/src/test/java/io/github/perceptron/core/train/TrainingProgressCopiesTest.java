package io.github.perceptron.core.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A progress value owns its arrays, as its documentation says: a checkpoint cannot change under a save. */
class TrainingProgressCopiesTest {

    @Test
    void changing_the_arrays_given_changes_nothing_in_the_progress() {
        float[][] slots = {{1f, 2f}};
        int[] order = {1, 0};
        List<float[][]> state = new ArrayList<>(List.<float[][]>of(slots));
        TrainingProgress progress = new TrainingProgress(3, 42, 7, state, order);
        slots[0][0] = 99f;
        order[0] = 0;
        state.clear();
        assertThat(progress.optimizerState()).hasSize(1);
        assertThat(progress.optimizerState().get(0)[0]).containsExactly(1f, 2f);
        assertThat(progress.order()).containsExactly(1, 0);
    }
}

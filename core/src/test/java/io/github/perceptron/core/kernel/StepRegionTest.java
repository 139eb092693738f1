package io.github.perceptron.core.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A step region's failure path: no task waits for ever, no second phase runs, and the region runs again. */
class StepRegionTest {

    @Test
    @Timeout(30)
    void a_failing_first_phase_is_rethrown_without_a_second_phase_and_the_region_runs_again() {
        StepRegion region = new StepRegion(2);
        int tasks = region.tasks(100, Long.MAX_VALUE);
        AtomicInteger firsts = new AtomicInteger();
        AtomicInteger seconds = new AtomicInteger();
        StepRegion.Phases failing = new StepRegion.Phases() {
            @Override
            public void first(int task, int count) {
                firsts.incrementAndGet();
                if (task == count - 1) {
                    throw new IllegalStateException("task " + task + " failed");
                }
            }

            @Override
            public void second(int task, int count) {
                seconds.incrementAndGet();
            }
        };
        assertThatThrownBy(() -> region.run(failing, tasks)).isInstanceOf(IllegalStateException.class)
                .hasMessage("task " + (tasks - 1) + " failed");
        assertThat(seconds).hasValue(0);

        AtomicInteger both = new AtomicInteger();
        region.run(new StepRegion.Phases() {
            @Override
            public void first(int task, int count) {
                both.incrementAndGet();
            }

            @Override
            public void second(int task, int count) {
                both.incrementAndGet();
            }
        }, tasks);
        assertThat(both).hasValue(2 * tasks);
    }

    @Test
    void shares_cover_every_item_once_at_multiples_of_four() {
        for (int tasks = 1; tasks <= 5; tasks++) {
            int covered = 0;
            for (int t = 0; t < tasks; t++) {
                int from = StepRegion.start(37, t, tasks);
                assertThat(from % 4).isZero();
                assertThat(from).isEqualTo(covered);
                covered = StepRegion.start(37, t + 1, tasks);
            }
            assertThat(covered).isEqualTo(37);
        }
    }
}

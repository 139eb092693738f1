package io.github.perceptron.core.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.perceptron.core.optim.LearningRateSchedule;
import io.github.perceptron.core.optim.OptimizerSpec;
import io.github.perceptron.core.trainer.Trainer;
import org.junit.jupiter.api.Test;

/** The plan says the learning rate of every step (issue 29: it was a static helper of Trainer). */
class LearningRateAtAStepTest {

    private static TrainingPlan plan(LearningRateSchedule schedule) {
        return TrainingPlan.builder().layers(4, 2).optimizer(new OptimizerSpec.Sgd(0.4)).schedule(schedule).epochs(2).build();
    }

    @Test
    void a_step_schedule_changes_exactly_at_the_epoch_boundary() {
        TrainingPlan plan = plan(new LearningRateSchedule.StepDecay(1, 0.5));
        assertThat(plan.learningRate(1, 3, 4)).isEqualTo(0.4);
        assertThat(plan.learningRate(2, 0, 4)).isEqualTo(0.2);
    }

    @Test
    void a_warm_up_starts_above_zero_at_the_first_steps_midpoint() {
        TrainingPlan plan = plan(new LearningRateSchedule.Warmup(1, new LearningRateSchedule.Constant()));
        assertThat(plan.learningRate(1, 0, 4)).isEqualTo(0.4 * 0.125);
        assertThat(plan.learningRate(2, 0, 4)).isEqualTo(0.4);
    }
}

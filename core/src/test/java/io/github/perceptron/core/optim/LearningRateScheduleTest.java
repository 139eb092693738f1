package io.github.perceptron.core.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {

    @Test
    void constant_keeps_the_base_rate() {
        assertThat(new LearningRateSchedule.Constant().rate(0.3, 7.5, 10)).isEqualTo(0.3);
    }

    @Test
    void step_decay_multiplies_at_each_whole_interval() {
        LearningRateSchedule step = new LearningRateSchedule.StepDecay(2, 0.5);
        assertThat(step.rate(1.0, 1.99, 10)).isEqualTo(1.0);
        assertThat(step.rate(1.0, 2.0, 10)).isEqualTo(0.5);
        assertThat(step.rate(1.0, 4.5, 10)).isEqualTo(0.25);
    }

    @Test
    void cosine_falls_from_base_through_half_to_the_final_fraction() {
        LearningRateSchedule cosine = new LearningRateSchedule.Cosine(0.1);
        assertThat(cosine.rate(1.0, 0, 10)).isCloseTo(1.0, within(1e-12));
        assertThat(cosine.rate(1.0, 5, 10)).isCloseTo(0.55, within(1e-12));
        assertThat(cosine.rate(1.0, 10, 10)).isCloseTo(0.1, within(1e-12));
    }

    @Test
    void warmup_rises_linearly_then_hands_over() {
        LearningRateSchedule warm = new LearningRateSchedule.Warmup(2, new LearningRateSchedule.Cosine(0));
        assertThat(warm.rate(1.0, 0.5, 12)).isCloseTo(0.25, within(1e-12));
        assertThat(warm.rate(1.0, 2.0, 12)).isCloseTo(1.0, within(1e-12));
        assertThat(warm.rate(1.0, 7.0, 12)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void bad_settings_name_the_value() {
        assertThatThrownBy(() -> new LearningRateSchedule.StepDecay(0, 0.5)).hasMessageContaining("was 0");
        assertThatThrownBy(() -> new LearningRateSchedule.Cosine(2)).hasMessageContaining("was 2.0");
    }
}

package io.github.perceptron.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.perceptron.core.data.LabelledImages;
import io.github.perceptron.core.optim.LearningRateSchedule;
import io.github.perceptron.core.optim.OptimizerSpec;
import io.github.perceptron.core.testing.SyntheticImages;
import io.github.perceptron.core.trainer.Trainer;
import org.junit.jupiter.api.Test;

/** Small faults found in review, each shown here failing before its fix. */
class ReviewFixesTest {

    @Test
    void a_cosine_after_a_fractional_warm_up_still_ends_at_its_final_rate() {
        LearningRateSchedule schedule = new LearningRateSchedule.Warmup(0.5, new LearningRateSchedule.Cosine(0.1));
        // 10 epochs: 0.5 of warm-up, then 9.5 of cosine from 1.0 down to 0.1.
        assertThat(schedule.rate(1.0, 10, 10)).isCloseTo(0.1, within(1e-12));
        assertThat(schedule.rate(1.0, 0.5 + 9.5 / 2, 10)).isCloseTo(0.55, within(1e-12));
    }

    @Test
    void a_decay_that_would_flip_the_weights_signs_is_refused() {
        TrainingPlan.Builder plan = TrainingPlan.builder().layers(16, 4, 3).optimizer(new OptimizerSpec.Sgd(2.0));
        assertThatThrownBy(() -> plan.l2(0.5).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lr × l2 must be below 1");
        assertThat(plan.l2(0.49).build().l2()).isEqualTo(0.49);
    }

    @Test
    void a_weight_made_infinite_by_an_epochs_last_update_stops_training() {
        LabelledImages images = SyntheticImages.blobs(30, 4, 4, 3, 1);
        // One batch per epoch, so the only update is the last one; a rate beyond float range overflows it.
        TrainingPlan plan = TrainingPlan.builder().layers(16, 4, 3).optimizer(new OptimizerSpec.Sgd(1e39))
                .epochs(1).batchSize(30).build();
        assertThatThrownBy(() -> new Trainer(plan, new Threads(1), TrainingListener.NONE).train(images, null))
                .isInstanceOf(DivergenceException.class)
                .hasMessageContaining("epoch 1, batch 1").hasMessageContaining("not a finite number");
    }
}

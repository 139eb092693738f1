package io.github.perceptron.core.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.perceptron.core.augment.Augmentation;
import io.github.perceptron.core.data.LabelledImages;
import io.github.perceptron.core.engine.Network;
import io.github.perceptron.core.engine.Parameter;
import io.github.perceptron.core.optim.OptimizerSpec;
import io.github.perceptron.core.testing.RecordingCheckpoints;
import io.github.perceptron.core.testing.StopAfter;
import io.github.perceptron.core.testing.SyntheticImages;
import io.github.perceptron.core.trainer.TrainedNetwork;
import io.github.perceptron.core.trainer.Trainer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A run resumed from its epoch-2 state ends with the same bits as one never interrupted. */
class ResumeTest {

    private final LabelledImages images = SyntheticImages.blobs(300, 12, 12, 4, 8);
    // Every source of randomness and state: shuffling, dropout, augmentation, Adam's moments.
    private final TrainingPlan plan = TrainingPlan.builder().layers(144, 20, 4).dropout(0.2)
            .augmentation(Augmentation.shift(1).withRotation(10)).optimizer(new OptimizerSpec.Adam(0.005))
            .epochs(4).batchSize(32).seed(12).build();

    @Test
    void resuming_from_a_checkpoint_is_bit_identical_to_never_stopping() {
        List<float[]> uninterrupted = values(new Trainer(plan, TrainingListener.NONE).train(images, null).network());
        RecordingCheckpoints atEpoch2 = RecordingCheckpoints.every(2);
        atEpoch2.trainer(plan, TrainingListener.NONE, images).train(images, null);
        assertThat(atEpoch2.saved()).hasSize(2);
        RecordingCheckpoints.Saved saved = atEpoch2.saved().get(0);
        assertThat(saved.epoch()).isEqualTo(2);
        TrainedNetwork resumed = new Trainer(plan, TrainingListener.NONE)
                .resume(saved.state(), saved.epoch(), saved.best(), images, null);
        assertThat(resumed.history()).extracting(EpochReport::epoch).containsExactly(3, 4);
        List<float[]> after = values(resumed.network());
        for (int i = 0; i < after.size(); i++) {
            assertThat(after.get(i)).isEqualTo(uninterrupted.get(i));
        }
    }

    @Test
    void a_listener_can_stop_training_between_epochs_and_the_state_is_saved_then() {
        RecordingCheckpoints onStopOnly = RecordingCheckpoints.every(0);
        TrainingListener stopAfterTwo = new StopAfter(2);
        TrainedNetwork result = onStopOnly.trainer(plan, stopAfterTwo, images).train(images, null);
        assertThat(result.stoppedEarly()).isTrue();
        assertThat(result.history()).hasSize(2);
        assertThat(onStopOnly.attemptedEpochs()).containsExactly(2);
    }

    /** A checkpoint's state is a copy: the run goes on training after the save, and the saved state stays as it was. */
    @Test
    void the_state_a_checkpoint_holds_does_not_change_as_training_goes_on() {
        RecordingCheckpoints everyEpoch = RecordingCheckpoints.every(1);
        everyEpoch.trainer(plan, TrainingListener.NONE, images).train(images, null);
        RecordingCheckpoints.Saved first = everyEpoch.saved().get(0);
        for (int p = 0; p < first.weights().size(); p++) {
            assertThat(first.state().weights().get(p)).isEqualTo(first.weights().get(p));
        }
        assertThat(first.state().weights().get(0)).isNotEqualTo(everyEpoch.saved().get(3).state().weights().get(0));
    }

    private static List<float[]> values(Network network) {
        return network.parameters().stream().map(Parameter::values).map(float[]::clone).toList();
    }
}

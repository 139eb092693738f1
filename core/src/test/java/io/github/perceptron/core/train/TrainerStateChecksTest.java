package io.github.perceptron.core.train;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.perceptron.core.checkpoint.TrainerState;
import io.github.perceptron.core.data.LabelledImages;
import io.github.perceptron.core.testing.RecordingCheckpoints;
import io.github.perceptron.core.testing.SyntheticImages;
import io.github.perceptron.core.trainer.Trainer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A saved state that does not fit where it is taken up is refused in one sentence, before any step. */
class TrainerStateChecksTest {

    private final LabelledImages images = SyntheticImages.blobs(200, 12, 12, 4, 8);
    private final TrainingPlan plan = TrainingPlan.builder().layers(144, 16, 4).epochs(2).batchSize(20).seed(3).build();

    @Test
    void a_state_resumed_on_data_of_another_size_names_both_counts() {
        RecordingCheckpoints atEpoch1 = RecordingCheckpoints.every(1);
        atEpoch1.trainer(plan, TrainingListener.NONE, images).train(images, null);
        RecordingCheckpoints.Saved saved = atEpoch1.saved().get(0);
        LabelledImages fewer = images.slice(0, 100);
        assertThatThrownBy(() -> new Trainer(plan, TrainingListener.NONE)
                .resume(saved.state(), saved.epoch(), saved.best(), fewer, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the saved state was trained on 200 examples, the data has 100");
    }

    @Test
    void a_state_of_another_network_is_refused_naming_the_tensor() {
        RecordingCheckpoints atEpoch1 = RecordingCheckpoints.every(1);
        atEpoch1.trainer(plan, TrainingListener.NONE, images).train(images, null);
        RecordingCheckpoints.Saved saved = atEpoch1.saved().get(0);
        TrainingPlan wider = TrainingPlan.builder().layers(144, 32, 4).epochs(2).batchSize(20).seed(3).build();
        assertThatThrownBy(() -> new Trainer(wider, TrainingListener.NONE)
                .resume(saved.state(), saved.epoch(), saved.best(), images, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the saved weight tensor 0 holds 2304 values, the network needs 4608");
    }

    @Test
    void a_state_with_optimiser_state_for_other_tensors_is_refused() {
        assertThatThrownBy(() -> new TrainerState(List.of(new float[2], new float[1]), List.<float[][]>of(new float[0][]), 0, 1,
                new int[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("2 weight tensors but optimiser state for 1");
    }
}

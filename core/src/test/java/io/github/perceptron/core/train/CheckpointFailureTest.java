package io.github.perceptron.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.perceptron.core.data.LabelledImages;
import io.github.perceptron.core.model.ModelStoreException;
import io.github.perceptron.core.testing.RecordingCheckpoints;
import io.github.perceptron.core.testing.SyntheticImages;
import io.github.perceptron.core.trainer.TrainedNetwork;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A regular checkpoint that cannot be saved costs that checkpoint, not the run; a stop's does end it. */
class CheckpointFailureTest {

    private final LabelledImages images = SyntheticImages.blobs(200, 8, 8, 3, 5);
    private final TrainingPlan plan = TrainingPlan.builder().layers(64, 10, 3).epochs(4).batchSize(50).seed(3).build();

    @Test
    void a_failed_regular_checkpoint_is_reported_and_training_goes_on_to_the_next_one() {
        List<String> reported = new ArrayList<>();
        RecordingCheckpoints diskFullOnce = RecordingCheckpoints.failing(1, epoch -> epoch == 2,
                "ckpt.json: cannot save: No space left on device");
        TrainingListener listener = new TrainingListener() {
            @Override
            public void checkpointFailed(int epoch, RuntimeException failure) {
                reported.add(epoch + ": " + failure.getMessage());
            }
        };
        TrainedNetwork result = diskFullOnce.trainer(plan, listener, images).train(images, null);
        assertThat(result.history()).hasSize(4);
        assertThat(diskFullOnce.attemptedEpochs()).containsExactly(1, 2, 3, 4);
        assertThat(reported).containsExactly("2: ckpt.json: cannot save: No space left on device");
    }

    @Test
    void a_failed_checkpoint_when_stopping_ends_the_run_with_the_failure() {
        RecordingCheckpoints alwaysFails = RecordingCheckpoints.failing(0, epoch -> true,
                "ckpt.json: cannot save: Read-only file system");
        TrainingListener stopAfterOne = new TrainingListener() {
            @Override
            public boolean stopRequested() {
                return true;
            }
        };
        assertThatThrownBy(() -> alwaysFails.trainer(plan, stopAfterOne, images).train(images, null))
                .isInstanceOf(ModelStoreException.class).hasMessageContaining("Read-only file system");
    }
}

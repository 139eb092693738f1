package io.github.perceptron.core.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.perceptron.core.data.LabelledImages;
import io.github.perceptron.core.data.ValidationSplit;
import io.github.perceptron.core.optim.OptimizerSpec;
import io.github.perceptron.core.testing.InMemoryDatasetSource;
import io.github.perceptron.core.testing.SyntheticImages;
import io.github.perceptron.core.train.EarlyStopping;
import io.github.perceptron.core.train.StopReason;
import io.github.perceptron.core.train.TrainedModel;
import io.github.perceptron.core.train.TrainingPlan;
import org.junit.jupiter.api.Test;

/** What early stopping keeps depends on the validation images alone: the test set only reports. */
class SelectionIsBlindToTheTestSetTest {

    private final LabelledImages train = SyntheticImages.noise(300, 6, 6, 3, 1);
    private final LabelledImages test = SyntheticImages.blobs(150, 6, 6, 3, 2);
    private final TrainingPlan plan = TrainingPlan.builder().layers(36, 40, 3)
            .optimizer(new OptimizerSpec.Adam(0.01)).epochs(40).batchSize(20).seed(4)
            .earlyStopping(new EarlyStopping(EarlyStopping.Monitor.LOSS, 3, 0, true)).build();

    @Test
    void shuffling_the_test_labels_changes_neither_the_kept_epoch_nor_the_weights() {
        ValidationSplit split = ValidationSplit.stratified(60, 9);
        TrainedModel honest = new TrainModel(new InMemoryDatasetSource(train, test)).train(plan, split);
        TrainedModel shuffled = new TrainModel(new InMemoryDatasetSource(train, SyntheticImages.withShuffledLabels(test, 77)))
                .train(plan, split);
        assertThat(honest.stopReason()).isEqualTo(StopReason.PATIENCE);
        assertThat(shuffled.keptEpoch()).isEqualTo(honest.keptEpoch());
        assertThat(shuffled.history()).hasSameSizeAs(honest.history());
        for (int p = 0; p < honest.model().weights().size(); p++) {
            assertThat(shuffled.model().weights().get(p)).isEqualTo(honest.model().weights().get(p));
        }
        // The test figures do differ: the labels really were changed.
        assertThat(shuffled.test().accuracy()).isNotEqualTo(honest.test().accuracy());
        assertThat(honest.model().metadata().epochs()).isEqualTo(honest.keptEpoch());
    }

    @Test
    void early_stopping_without_a_validation_split_is_refused_rather_than_watching_the_test_set() {
        assertThatThrownBy(() -> new TrainModel(new InMemoryDatasetSource(train, test))
                .train(plan, ValidationSplit.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("never looks at the test set");
    }

}

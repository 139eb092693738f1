package io.github.perceptron.core.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.perceptron.core.data.DatasetException;
import io.github.perceptron.core.data.LabelledImages;
import io.github.perceptron.core.testing.InMemoryDatasetSource;
import io.github.perceptron.core.testing.SyntheticImages;
import io.github.perceptron.core.train.EpochReport;
import io.github.perceptron.core.train.TrainedModel;
import io.github.perceptron.core.train.TrainingListener;
import io.github.perceptron.core.train.TrainingPlan;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Data that cannot be trained on or measured is refused before the first step, not after the last epoch. */
class TrainModelChecksTest {

    private final AtomicInteger batches = new AtomicInteger();
    private final TrainingListener counting = new TrainingListener() {
        @Override
        public void batchCompleted(int epoch, int batch, int count, double meanLoss) {
            batches.incrementAndGet();
        }

        @Override
        public void epochCompleted(EpochReport report) {
            batches.incrementAndGet();
        }
    };

    private static TrainingPlan plan(int inputs, int batch) {
        return TrainingPlan.builder().layers(inputs, 8, 10).epochs(3).batchSize(batch).build();
    }

    private TrainedModel train(LabelledImages train, LabelledImages test, TrainingPlan plan) {
        return new TrainModel(new InMemoryDatasetSource(train, test)).reportingTo(counting).onThreads(1)
                .train(plan);
    }

    @Test
    void test_images_of_another_size_are_a_data_fault_found_before_training() {
        assertThatThrownBy(() -> train(SyntheticImages.blobs(50, 28, 28, 10, 1), SyntheticImages.blobs(10, 30, 30, 10, 2),
                plan(784, 10)))
                .isInstanceOf(DatasetException.class)
                .hasMessageEndingWith("the test images are 30×30 pixels, the training images 28×28");
        assertThat(batches).hasValue(0);
    }

    @Test
    void an_empty_test_split_is_refused_instead_of_reporting_zero_of_zero() {
        assertThatThrownBy(() -> train(SyntheticImages.blobs(50, 28, 28, 10, 1), SyntheticImages.blobs(0, 28, 28, 10, 2),
                plan(784, 10)))
                .isInstanceOf(DatasetException.class).hasMessageEndingWith("the test split holds no images");
        assertThat(batches).hasValue(0);
    }

    @Test
    void an_empty_training_split_says_so_rather_than_talking_of_validation() {
        assertThatThrownBy(() -> train(SyntheticImages.blobs(0, 28, 28, 10, 1), SyntheticImages.blobs(10, 28, 28, 10, 2),
                plan(784, 10)))
                .isInstanceOf(DatasetException.class).hasMessageEndingWith("the training split holds no images");
    }

    @Test
    void a_batch_larger_than_the_training_set_is_refused_instead_of_saving_an_untrained_model() {
        assertThatThrownBy(() -> train(SyntheticImages.blobs(50, 28, 28, 10, 1), SyntheticImages.blobs(10, 28, 28, 10, 2),
                plan(784, Integer.MAX_VALUE)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the batch size 2147483647 is larger than the 50 training images");
        assertThat(batches).hasValue(0);
    }

    @Test
    void a_network_with_more_outputs_than_classes_is_refused_before_training() {
        assertThatThrownBy(() -> train(SyntheticImages.blobs(50, 28, 28, 5, 1), SyntheticImages.blobs(10, 28, 28, 5, 2),
                plan(784, 10)))
                .hasMessage("the data has 5 classes but the network's last layer has 10 units; make them equal");
        assertThat(batches).hasValue(0);
    }
}

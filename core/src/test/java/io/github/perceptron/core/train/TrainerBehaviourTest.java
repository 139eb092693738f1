package io.github.perceptron.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.perceptron.core.augment.Augmentation;
import io.github.perceptron.core.data.LabelledImages;
import io.github.perceptron.core.kernel.KernelChoice;
import io.github.perceptron.core.layer.Activation;
import io.github.perceptron.core.layer.Initialization;
import io.github.perceptron.core.engine.Parameter;
import io.github.perceptron.core.loss.Loss;
import io.github.perceptron.core.optim.LearningRateSchedule;
import io.github.perceptron.core.optim.OptimizerSpec;
import io.github.perceptron.core.testing.SyntheticImages;
import io.github.perceptron.core.trainer.TrainedNetwork;
import io.github.perceptron.core.trainer.Trainer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainerBehaviourTest {

    private final LabelledImages blobs = SyntheticImages.blobs(300, 8, 8, 4, 41);

    @Test
    void one_seed_gives_bit_identical_weights_and_another_seed_differs() {
        TrainingPlan.Builder plan = TrainingPlan.builder().layers(64, 12, 4).dropout(0.2).epochs(3).batchSize(16);
        List<float[]> first = weights(plan.seed(7).build());
        List<float[]> again = weights(plan.seed(7).build());
        List<float[]> other = weights(plan.seed(8).build());
        for (int i = 0; i < first.size(); i++) {
            assertThat(again.get(i)).isEqualTo(first.get(i));
        }
        assertThat(other.get(0)).isNotEqualTo(first.get(0));
    }

    @Test
    void the_thread_count_changes_no_bit_of_the_weights() {
        // Dropout masks and distortions are drawn on the threads too, each from its own seed.
        // The build gives the shared pool two workers on any machine (perceptron.pool.workers).
        org.junit.jupiter.api.Assumptions.assumeTrue(KernelChoice.poolParallelism() >= 3,
                "the kernels' pool has no two workers here, so 3 threads would not really be 3");
        LabelledImages images = SyntheticImages.blobs(400, 28, 28, 10, 3);
        TrainingPlan.Builder plan = TrainingPlan.builder().layers(784, 64, 10).dropout(0.1).epochs(2).batchSize(50)
                .augmentation(Augmentation.NONE.withShift(2).withRotation(10).withElastic(34, 4));
        List<float[]> one = new Trainer(plan.build(), new Threads(1), TrainingListener.NONE).train(images, null).network()
                .parameters().stream().map(Parameter::values).toList();
        List<float[]> three = new Trainer(plan.build(), new Threads(3), TrainingListener.NONE).train(images, null).network()
                .parameters().stream().map(Parameter::values).toList();
        for (int i = 0; i < one.size(); i++) {
            assertThat(three.get(i)).isEqualTo(one.get(i));
        }
    }

    @Test
    void an_exploding_learning_rate_stops_with_the_epoch_batch_and_advice() {
        // Squared error on an unbounded output feeds its own growth; cross-entropy's gradient is bounded.
        TrainingPlan plan = TrainingPlan.builder().layers(64, 12, 4).activation(Activation.RELU)
                .loss(Loss.meanSquaredError(Activation.IDENTITY)).initialization(Initialization.NORMAL)
                .optimizer(new OptimizerSpec.Sgd(10)).epochs(5).batchSize(10).build();
        assertThatThrownBy(() -> new Trainer(plan, TrainingListener.NONE).train(blobs, null))
                .isInstanceOf(DivergenceException.class)
                .hasMessageMatching("training diverged at epoch \\d+, batch \\d+: the loss is .*; try a smaller learning rate than .*");
    }

    @Test
    void listener_hears_every_batch_and_epoch_in_order() {
        List<String> events = new ArrayList<>();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void batchCompleted(int epoch, int batch, int batches, double meanLoss) {
                events.add("b" + epoch + "." + batch + "/" + batches);
            }

            @Override
            public void epochCompleted(EpochReport report) {
                events.add("e" + report.epoch());
            }
        };
        TrainingPlan plan = TrainingPlan.builder().layers(64, 4).epochs(2).batchSize(128).build();
        new Trainer(plan, listener).train(blobs, null);
        assertThat(events).containsExactly("b1.1/3", "b1.2/3", "b1.3/3", "e1", "b2.1/3", "b2.2/3", "b2.3/3", "e2");
    }

    @Test
    void the_schedule_sets_the_reported_learning_rate() {
        TrainingPlan plan = TrainingPlan.builder().layers(64, 4).epochs(4).optimizer(new OptimizerSpec.Sgd(0.4))
                .schedule(new LearningRateSchedule.StepDecay(1, 0.5)).batchSize(300).build();
        TrainedNetwork result = new Trainer(plan, TrainingListener.NONE).train(blobs, null);
        // One step per epoch, at epochs 0.5, 1.5, 2.5 and 3.5: the rate halves at each boundary.
        assertThat(result.history()).extracting(EpochReport::learningRate).containsExactly(0.4, 0.2, 0.1, 0.05);
    }

    @Test
    void data_that_does_not_fit_the_network_is_refused_with_both_sizes() {
        TrainingPlan plan = TrainingPlan.builder().layers(784, 10).build();
        assertThatThrownBy(() -> new Trainer(plan, TrainingListener.NONE).train(blobs, null))
                .hasMessage("the images are 8×8 = 64 pixels but the network's first layer takes 784");
        TrainingPlan tooFewClasses = TrainingPlan.builder().layers(64, 3).loss(Loss.crossEntropy()).build();
        assertThatThrownBy(() -> new Trainer(tooFewClasses, TrainingListener.NONE).train(blobs, null))
                .hasMessage("the data has 4 classes but the network's last layer has 3 units; make them equal");
    }

    private List<float[]> weights(TrainingPlan plan) {
        return new Trainer(plan, TrainingListener.NONE).train(blobs, null).network().parameters().stream()
                .map(Parameter::values).map(float[]::clone).toList();
    }

    @Test
    void an_interrupt_stops_training_before_the_next_step_and_stays_visible() {
        TrainingPlan plan = TrainingPlan.builder().layers(64, 12, 4).epochs(50).batchSize(10).build();
        TrainingListener interruptAtFirstBatch = new TrainingListener() {
            @Override
            public void batchCompleted(int epoch, int batch, int batches, double meanLoss) {
                Thread.currentThread().interrupt();
            }
        };
        try {
            assertThatThrownBy(() -> new Trainer(plan, interruptAtFirstBatch).train(blobs, null))
                    .isInstanceOf(TrainingInterruptedException.class)
                    .hasMessage("training interrupted before epoch 1, batch 2");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}

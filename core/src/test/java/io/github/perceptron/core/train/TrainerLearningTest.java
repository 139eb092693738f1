package io.github.perceptron.core.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.perceptron.core.data.LabelledImages;
import io.github.perceptron.core.layer.Activation;
import io.github.perceptron.core.loss.Loss;
import io.github.perceptron.core.optim.OptimizerSpec;
import io.github.perceptron.core.testing.SyntheticImages;
import io.github.perceptron.core.trainer.TrainedNetwork;
import io.github.perceptron.core.trainer.Trainer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Tiny problems every optimiser and loss must solve completely within a bounded number of epochs. */
class TrainerLearningTest {

    static Stream<OptimizerSpec> optimizers() {
        return Stream.of(new OptimizerSpec.Sgd(0.5), new OptimizerSpec.Momentum(0.1, 0.9),
                new OptimizerSpec.Nesterov(0.1, 0.9), new OptimizerSpec.Adagrad(0.1),
                new OptimizerSpec.RmsProp(0.01), new OptimizerSpec.Adam(0.01));
    }

    @ParameterizedTest
    @MethodSource("optimizers")
    void separable_blobs_reach_100_percent_within_10_epochs(OptimizerSpec optimizer) {
        LabelledImages blobs = SyntheticImages.blobs(400, 8, 8, 4, 21);
        TrainingPlan plan = TrainingPlan.builder().layers(64, 16, 4).optimizer(optimizer).epochs(10).batchSize(20).build();
        TrainedNetwork result = new Trainer(plan, TrainingListener.NONE).train(blobs, blobs);
        assertThat(result.last().evaluation().orElseThrow().accuracy()).isEqualTo(1.0);
    }

    @Test
    void xor_needs_and_learns_a_hidden_layer_within_300_epochs() {
        LabelledImages xor = SyntheticImages.xor();
        TrainingPlan plan = TrainingPlan.builder().layers(2, 8, 2).activation(Activation.TANH)
                .optimizer(new OptimizerSpec.Adam(0.05)).epochs(300).batchSize(4).seed(3).build();
        TrainedNetwork result = new Trainer(plan, TrainingListener.NONE).train(xor, xor);
        assertThat(result.last().evaluation().orElseThrow().accuracy()).isEqualTo(1.0);
    }

    @Test
    void the_notebook_baseline_sigmoid_and_mse_also_learns_blobs() {
        LabelledImages blobs = SyntheticImages.blobs(400, 8, 8, 4, 22);
        TrainingPlan plan = TrainingPlan.builder().layers(64, 16, 4).activation(Activation.SIGMOID)
                .loss(Loss.meanSquaredError(Activation.SIGMOID))
                .initialization(io.github.perceptron.core.layer.Initialization.NORMAL)
                .optimizer(new OptimizerSpec.Sgd(3.0)).shuffle(false).epochs(20).batchSize(10).build();
        TrainedNetwork result = new Trainer(plan, TrainingListener.NONE).train(blobs, blobs);
        assertThat(result.last().evaluation().orElseThrow().accuracy()).isEqualTo(1.0);
    }

    @Test
    void dropout_networks_still_learn_and_evaluate_without_dropout() {
        LabelledImages blobs = SyntheticImages.blobs(400, 8, 8, 4, 23);
        TrainingPlan plan = TrainingPlan.builder().layers(64, 32, 4).dropout(0.5).epochs(15).batchSize(20).build();
        TrainedNetwork result = new Trainer(plan, TrainingListener.NONE).train(blobs, blobs);
        assertThat(result.last().evaluation().orElseThrow().accuracy()).isEqualTo(1.0);
    }

    @Test
    void mnist_shaped_784_30_10_trains_on_generated_data() {
        LabelledImages train = SyntheticImages.blobs(2000, 28, 28, 10, 31);
        LabelledImages test = SyntheticImages.blobs(500, 28, 28, 10, 32);
        TrainingPlan plan = TrainingPlan.builder().layers(784, 30, 10).epochs(3).build();
        TrainedNetwork result = new Trainer(plan, TrainingListener.NONE).train(train, test);
        assertThat(result.history()).hasSize(3);
        assertThat(result.history().get(2).trainLoss()).isLessThan(result.history().get(0).trainLoss());
        assertThat(result.last().evaluation().orElseThrow().accuracy()).isGreaterThan(0.99);
    }
}

package io.github.perceptron.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.perceptron.core.augment.Augmentation;
import io.github.perceptron.core.data.InputNormalisation;
import io.github.perceptron.core.layer.Activation;
import io.github.perceptron.core.layer.Initialization;
import io.github.perceptron.core.loss.Loss;
import io.github.perceptron.core.model.ModelStoreException;
import io.github.perceptron.core.optim.LearningRateSchedule;
import io.github.perceptron.core.optim.OptimizerSpec;
import io.github.perceptron.core.train.ClassWeights;
import io.github.perceptron.core.train.EarlyStopping;
import io.github.perceptron.core.train.TrainingPlan;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Plans travel as documents: every field comes back equal, and a document that is not a plan is refused naming the field. */
class PlanDocumentsTest {

    @Test
    void every_field_of_a_plan_comes_back_equal() {
        TrainingPlan plan = TrainingPlan.builder().layers(144, 30, 20, 4).activation(Activation.TANH)
                .loss(Loss.meanSquaredError(Activation.SIGMOID)).dropout(0.3).initialization(Initialization.XAVIER)
                .optimizer(new OptimizerSpec.Adam(0.002)).schedule(new LearningRateSchedule.Warmup(1.5,
                        new LearningRateSchedule.StepDecay(3, 0.5)))
                .l2(1e-4).epochs(7).batchSize(32).seed(-5).shuffle(false)
                .augmentation(Augmentation.shift(1).withRotation(10).withElastic(34, 4))
                .earlyStopping(new EarlyStopping(EarlyStopping.Monitor.LOSS, 3, 0.01, false))
                .classWeights(ClassWeights.of(List.of(1.0, 2.0, 0.5, 1.0))).build();
        assertThat(PlanDocuments.read(PlanDocuments.write(plan))).isEqualTo(plan);
        TrainingPlan defaults = TrainingPlan.builder().layers(784, 10).build();
        assertThat(PlanDocuments.read(PlanDocuments.write(defaults))).isEqualTo(defaults);
        TrainingPlan committeeRecipe = TrainingPlan.builder().layers(784, 50, 10).epochs(20).labelSmoothing(0.1)
                .averageLastEpochs(5).inputNormalisation(InputNormalisation.width(16)).build();
        assertThat(PlanDocuments.read(PlanDocuments.write(committeeRecipe))).isEqualTo(committeeRecipe);
        // Written only when used: plans without them read as they did before.
        assertThat(PlanDocuments.write(defaults)).doesNotContain("labelSmoothing").doesNotContain("averagedEpochs")
                .doesNotContain("inputNormalisation");
    }

    @Test
    void a_document_that_is_not_a_plan_is_refused_naming_the_field() {
        String plan = PlanDocuments.write(TrainingPlan.builder().layers(784, 10).build());
        assertThatThrownBy(() -> PlanDocuments.read(plan.replace("\"epochs\":", "\"epochs\":-")))
                .isInstanceOf(ModelStoreException.class).hasMessageContaining("training.plan.epochs");
        assertThatThrownBy(() -> PlanDocuments.read(plan.replace("perceptron-plan", "perceptron-model")))
                .isInstanceOf(ModelStoreException.class).hasMessageContaining("format");
        assertThatThrownBy(() -> PlanDocuments.read("{"))
                .isInstanceOf(ModelStoreException.class).hasMessageContaining("not JSON");
    }
}

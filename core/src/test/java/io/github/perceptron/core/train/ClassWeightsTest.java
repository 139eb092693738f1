package io.github.perceptron.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassWeightsTest {

    @Test
    void balanced_weights_make_every_class_count_as_much_in_total() {
        float[] weights = ClassWeights.balancedWeights().resolve(new int[] {500, 300, 150, 50, 0});
        assertThat(weights).containsExactly(0.4f, 1000f / (5 * 300), 1000f / (5 * 150), 4f, 0f);
        assertThat(weights[0] * 500).isCloseTo(weights[3] * 50, org.assertj.core.data.Offset.offset(1e-3f));
    }

    @Test
    void explicit_weights_must_fit_the_classes_and_be_usable() {
        assertThat(ClassWeights.of(List.of(1.0, 2.0)).resolve(new int[] {5, 5})).containsExactly(1f, 2f);
        assertThatThrownBy(() -> ClassWeights.of(List.of(1.0)).resolve(new int[] {5, 5}))
                .hasMessage("1 class weights for 2 classes");
        assertThatThrownBy(() -> ClassWeights.of(List.of(0.0, 0.0))).hasMessageContaining("at least one");
        assertThatThrownBy(() -> ClassWeights.of(List.of(-1.0, 1.0))).hasMessageContaining(">= 0");
        assertThat(ClassWeights.NONE.resolve(new int[] {5, 5})).isNull();
        assertThatThrownBy(() -> TrainingPlan.builder().layers(4, 3).classWeights(ClassWeights.of(List.of(1.0, 2.0))).build())
                .hasMessage("2 class weights for a network of 3 classes");
    }
}

package io.github.perceptron.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.perceptron.core.testing.TinyModels;
import org.junit.jupiter.api.Test;

/** A model handed out is not a handle on its insides: a caller cannot change its predictions. */
class ModelEncapsulationTest {

    @Test
    void changing_the_weights_handed_out_does_not_change_the_model() {
        Model model = TinyModels.trained();
        float[] image = TinyModels.images(1)[0];
        Prediction before = model.predict(image);
        for (float[] weights : model.weights()) {
            java.util.Arrays.fill(weights, 0f);
        }
        assertThat(model.predict(image).probabilities()).isEqualTo(before.probabilities());
        assertThat(model.weights().get(0)).isNotEqualTo(new float[model.weights().get(0).length]);
    }
}

package io.github.perceptron.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.perceptron.core.testing.TinyModels;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Warming a model up changes none of its answers or weights. */
class ModelWarmUpTest {

    @Test
    void warming_up_returns_the_same_model_with_the_same_answers() {
        Model model = TinyModels.trained();
        List<float[]> images = List.of(TinyModels.images(20));
        List<Prediction> before = model.predictAll(images);
        String digest = model.weightsDigest();
        assertThat(model.warmUp()).isSameAs(model);
        assertThat(model.predictAll(images)).isEqualTo(before);
        assertThat(TinyModels.changed(model, values -> { }).weightsDigest()).isEqualTo(digest);
    }
}

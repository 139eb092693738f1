package io.github.perceptron.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.perceptron.core.testing.TinyModels;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A model takes pixels in [0,1] and refuses anything else, naming the index and the value (an
 * embedder found a NaN pixel answered as class "0" with ten NaN probabilities, and 0–255 pixels
 * accepted silently).
 */
class PixelCheckTest {

    private final Model model = TinyModels.trained();

    @ParameterizedTest
    @ValueSource(floats = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 255f, -0.5f, 1.0000001f,
            -Float.MIN_VALUE})
    void a_pixel_outside_zero_to_one_is_refused_with_its_index_and_value(float bad) {
        float[] image = TinyModels.images(1)[0];
        image[37] = bad;
        assertThatThrownBy(() -> model.predict(image)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("pixel 37 is " + bad + ", outside [0, 1]");
        assertThatThrownBy(() -> model.predictAll(List.of(TinyModels.images(1)[0], image)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("image 1: pixel 37 is " + bad + ", outside [0, 1]");
    }

    @Test
    void the_ends_of_the_range_and_negative_zero_are_pixels() {
        float[] image = TinyModels.images(1)[0];
        image[0] = 0f;
        image[1] = 1f;
        image[2] = -0f;
        assertThat(model.predict(image).probabilities()).hasSize(4);
    }

    @Test
    void the_wrong_length_is_still_named() {
        assertThatThrownBy(() -> model.predict(new float[63])).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected 64 pixels, got 63");
    }
}

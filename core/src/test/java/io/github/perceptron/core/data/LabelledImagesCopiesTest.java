package io.github.perceptron.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Images handed to core are core's own: the caller's arrays can be reused without changing them. */
class LabelledImagesCopiesTest {

    @Test
    void changing_the_callers_arrays_afterwards_changes_nothing() {
        byte[] pixels = {1, 2, 3, 4, 5, 6, 7, 8};
        int[] labels = {0, 1};
        LabelledImages images = new LabelledImages(pixels, labels, 2, 2, List.of("a", "b"));
        pixels[0] = 99;
        labels[1] = 0;
        assertThat(images.pixel(0, 0)).isEqualTo(1);
        assertThat(images.label(1)).isEqualTo(1);
    }
}

package io.github.perceptron.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.perceptron.core.data.LabelledImages;
import org.junit.jupiter.api.Test;

class SyntheticDigitsTest {

    @Test
    void images_have_mnists_ink_fraction_blank_margins_and_every_class() {
        LabelledImages images = SyntheticDigits.generate(500, 28, 10, 3);
        int inked = 0;
        int inkedInMargin = 0;
        int[] perClass = new int[10];
        for (int i = 0; i < images.size(); i++) {
            perClass[images.label(i)]++;
            for (int y = 0; y < 28; y++) {
                for (int x = 0; x < 28; x++) {
                    if (images.pixel(i, y * 28 + x) != 0) {
                        inked++;
                        if (x < 4 || x >= 24 || y < 4 || y >= 24) {
                            inkedInMargin++;
                        }
                    }
                }
            }
        }
        assertThat(inked / (500.0 * 784)).isCloseTo(SyntheticDigits.MNIST_INK, within(0.01));
        assertThat(inkedInMargin).isZero();
        assertThat(java.util.Arrays.stream(perClass).min().orElseThrow()).isPositive();
    }

    @Test
    void the_same_seed_gives_the_same_images() {
        LabelledImages first = SyntheticDigits.generate(20, 28, 10, 5);
        LabelledImages again = SyntheticDigits.generate(20, 28, 10, 5);
        LabelledImages other = SyntheticDigits.generate(20, 28, 10, 6);
        assertThat(again.pixel(7, 400)).isEqualTo(first.pixel(7, 400));
        assertThat(again.label(13)).isEqualTo(first.label(13));
        boolean differs = false;
        for (int p = 0; p < 784 && !differs; p++) {
            differs = first.pixel(0, p) != other.pixel(0, p);
        }
        assertThat(differs).isTrue();
    }
}

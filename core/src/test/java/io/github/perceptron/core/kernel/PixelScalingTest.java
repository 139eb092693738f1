package io.github.perceptron.core.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PixelScalingTest {

    @Test
    void every_byte_value_scales_to_the_same_bits_in_both_implementations_at_any_offset_and_length() {
        byte[] pixels = new byte[600];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 7);
        }
        for (int count : new int[] {0, 1, 15, 16, 17, 255, 256, 257, 512}) {
            for (int from : new int[] {0, 3, 40}) {
                float[] portable = new float[count + 5];
                float[] vector = new float[count + 5];
                new PixelScaling.Portable().scale(pixels, from, portable, 5, count);
                Kernels.vectorPixelScaling().scale(pixels, from, vector, 5, count);
                assertThat(vector).as("count %d from %d", count, from).isEqualTo(portable);
                for (int p = 0; p < count; p++) {
                    assertThat(portable[5 + p]).isEqualTo((pixels[from + p] & 0xff) / 255f, within(1e-7f));
                }
            }
        }
    }

    @Test
    void the_extremes_are_exactly_zero_and_one() {
        float[] target = new float[32];
        byte[] pixels = new byte[32];
        pixels[1] = (byte) 255;
        Kernels.scalePixels(pixels, 0, target, 0, 32);
        assertThat(target[0]).isZero();
        assertThat(target[1]).isEqualTo(1f);
    }
}

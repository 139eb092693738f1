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
                KernelChoice.vectorPixelScaling().scale(pixels, from, vector, 5, count);
                assertThat(vector).as("count %d from %d", count, from).isEqualTo(portable);
                for (int p = 0; p < count; p++) {
                    assertThat(portable[5 + p]).isEqualTo((pixels[from + p] & 0xff) / 255f, within(1e-7f));
                }
            }
        }
    }

    /**
     * Both implementations find a value outside [0,1] wherever it sits (in a vector's lanes or the
     * scalar tail), for every kind: NaN, the infinities, just below 0 and just above 1; and accept
     * 0, -0 and 1 anywhere.
     */
    @Test
    void both_implementations_find_a_value_outside_zero_to_one_anywhere() {
        PixelScaling[] implementations = {new PixelScaling.Portable(), KernelChoice.vectorPixelScaling()};
        float[] bad = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -Float.MIN_VALUE, Math.nextUp(1f), 255f};
        for (PixelScaling implementation : implementations) {
            for (int length : new int[] {0, 1, 7, 8, 9, 16, 17, 33, 784}) {
                float[] values = new float[length];
                for (int i = 0; i < length; i++) {
                    values[i] = i % 3 == 0 ? -0f : i % 3 == 1 ? 1f : (i % 11) / 10f;
                }
                assertThat(implementation.inUnitRange(values)).as("%s, %d clean values", implementation, length).isTrue();
                for (int at = 0; at < length; at++) {
                    for (float value : bad) {
                        float[] planted = values.clone();
                        planted[at] = value;
                        assertThat(implementation.inUnitRange(planted)).as("%s: %s at %d of %d", implementation, value, at, length)
                                .isFalse();
                    }
                }
            }
        }
    }

    /**
     * The byte vector that feeds float vectors of each lane count: a quarter of their width where
     * that shape exists, else 64 bits taken a part at a time (128-bit NEON and SSE: 4 lanes), and
     * none on an SVE length that is not a power of two (12 lanes), where the scalar loop runs.
     */
    @Test
    void every_float_width_has_a_byte_vector_that_fits_or_none() {
        assertThat(VectorPixelScaling.byteSpecies(16).vectorBitSize()).isEqualTo(128);
        assertThat(VectorPixelScaling.byteSpecies(8).vectorBitSize()).isEqualTo(64);
        assertThat(VectorPixelScaling.byteSpecies(4).vectorBitSize()).isEqualTo(64);
        assertThat(VectorPixelScaling.byteSpecies(2).vectorBitSize()).isEqualTo(64);
        assertThat(VectorPixelScaling.byteSpecies(32).vectorBitSize()).isEqualTo(256);
        assertThat(VectorPixelScaling.byteSpecies(64).vectorBitSize()).isEqualTo(512);
        assertThat(VectorPixelScaling.byteSpecies(12)).isNull();
    }

    @Test
    void the_extremes_are_exactly_zero_and_one() {
        float[] target = new float[32];
        byte[] pixels = new byte[32];
        pixels[1] = (byte) 255;
        KernelChoice.scalePixels(pixels, 0, target, 0, 32);
        assertThat(target[0]).isZero();
        assertThat(target[1]).isEqualTo(1f);
    }
}

package io.github.perceptron.core.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.perceptron.core.augment.Augmentation;
import io.github.perceptron.core.random.SeededRandom;
import org.junit.jupiter.api.Test;

class ImageDistorterTest {

    private static final int SIZE = 28;

    @Test
    void whole_pixel_shifts_move_the_image_without_blurring_it() {
        ImageDistorter shifter = new ImageDistorter(Augmentation.shift(2), SIZE, SIZE);
        SeededRandom random = new SeededRandom(4);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int trial = 0; trial < 200; trial++) {
            float[] image = new float[SIZE * SIZE];
            image[14 * SIZE + 14] = 1f;
            shifter.distort(image, 0, random);
            int lit = -1;
            for (int p = 0; p < image.length; p++) {
                assertThat(image[p]).isIn(0f, 1f);
                if (image[p] == 1f) {
                    lit = p;
                }
            }
            int dx = lit % SIZE - 14;
            int dy = lit / SIZE - 14;
            assertThat(Math.max(Math.abs(dx), Math.abs(dy))).isLessThanOrEqualTo(2);
            seen.add(dx + "," + dy);
        }
        assertThat(seen).hasSize(25);
    }

    @Test
    void rotation_and_scaling_keep_a_centred_digit_centred_and_its_ink_roughly_constant() {
        ImageDistorter rotator = new ImageDistorter(Augmentation.NONE.withRotation(15).withScale(0.1), SIZE, SIZE);
        float[] image = bar();
        double before = sum(image);
        rotator.distort(image, 0, new SeededRandom(5));
        assertThat(sum(image)).isCloseTo(before, within(0.25 * before));
        assertThat(image[14 * SIZE + 14]).isGreaterThan(0.5f);
        assertThat(image).isNotEqualTo(bar());
    }

    @Test
    void elastic_distortion_moves_ink_locally_and_repeats_with_the_seed() {
        Augmentation elastic = Augmentation.NONE.withElastic(34, 4);
        float[] first = bar();
        float[] second = bar();
        new ImageDistorter(elastic, SIZE, SIZE).distort(first, 0, new SeededRandom(6));
        new ImageDistorter(elastic, SIZE, SIZE).distort(second, 0, new SeededRandom(6));
        assertThat(first).isEqualTo(second).isNotEqualTo(bar());
        assertThat(sum(first)).isCloseTo(sum(bar()), within(0.3 * sum(bar())));
    }

    @Test
    void distortion_works_in_place_at_an_offset_and_leaves_other_images_alone() {
        float[] batch = new float[3 * SIZE * SIZE];
        System.arraycopy(bar(), 0, batch, SIZE * SIZE, SIZE * SIZE);
        batch[0] = 0.5f;
        new ImageDistorter(Augmentation.NONE.withRotation(10), SIZE, SIZE).distort(batch, SIZE * SIZE, new SeededRandom(1));
        assertThat(batch[0]).isEqualTo(0.5f);
        assertThat(sum(java.util.Arrays.copyOfRange(batch, 2 * SIZE * SIZE, batch.length))).isZero();
    }

    @Test
    void settings_out_of_range_name_the_value() {
        assertThat(Augmentation.NONE.isActive()).isFalse();
        assertThatThrownBy(() -> Augmentation.shift(-1)).hasMessage("shift must be in [0.0, 10.0], was -1.0");
        assertThatThrownBy(() -> Augmentation.NONE.withElastic(34, 0.1)).hasMessageContaining("elastic sigma");
    }

    /** A vertical bar through the centre, like a "1". */
    private static float[] bar() {
        float[] image = new float[SIZE * SIZE];
        for (int y = 6; y < 22; y++) {
            for (int x = 13; x <= 15; x++) {
                image[y * SIZE + x] = 1f;
            }
        }
        return image;
    }

    private static double sum(float[] values) {
        double total = 0;
        for (float v : values) {
            total += v;
        }
        return total;
    }

    @Test
    void shifts_copy_exactly_the_pixels_the_definition_names_even_past_the_border() {
        for (int max : new int[] {1, 2, 5, 10}) {
            ImageDistorter shifter = new ImageDistorter(Augmentation.shift(max), SIZE, 8);
            for (long seed = 0; seed < 100; seed++) {
                float[] image = new float[SIZE * 8];
                java.util.Random values = new java.util.Random(seed);
                for (int p = 0; p < image.length; p++) {
                    image[p] = values.nextFloat();
                }
                float[] expected = new float[image.length];
                SeededRandom draws = new SeededRandom(seed);
                int shiftX = draws.nextInt(2 * max + 1) - max;
                int shiftY = draws.nextInt(2 * max + 1) - max;
                for (int y = 0; y < 8; y++) {
                    for (int x = 0; x < SIZE; x++) {
                        int sx = x - shiftX;
                        int sy = y - shiftY;
                        boolean inside = sx >= 0 && sx < SIZE && sy >= 0 && sy < 8;
                        expected[y * SIZE + x] = inside ? image[sy * SIZE + sx] : 0f;
                    }
                }
                shifter.distort(image, 0, new SeededRandom(seed));
                assertThat(image).as("max %d, seed %d", max, seed).containsExactly(expected);
            }
        }
    }

    @Test
    void elastic_distortion_works_on_images_smaller_than_its_smoothing_radius() {
        // sigma 4 gives a radius of 12 rows: more than an 8×8 image (an 8×8 CSV dataset) has.
        ImageDistorter elastic = new ImageDistorter(Augmentation.NONE.withElastic(34, 4), 8, 8);
        float[] image = new float[64];
        java.util.Arrays.fill(image, 0.5f);
        elastic.distort(image, 0, new SeededRandom(3));
        for (float value : image) {
            assertThat(value).isBetween(0f, 1f);
        }
    }
}

package io.github.perceptron.core.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.perceptron.core.random.SeededRandom;
import org.junit.jupiter.api.Test;

/** The vectorised smoothing must give exactly the field the textbook convolution gives. */
class ElasticFieldTest {

    private static final int WIDTH = 28;
    private static final int HEIGHT = 20;
    private static final double ALPHA = 34;
    private static final double SIGMA = 4;

    @Test
    void field_equals_a_direct_separable_gaussian_of_the_same_noise() {
        ElasticField field = new ElasticField(WIDTH, HEIGHT, ALPHA, SIGMA);
        field.draw(new SeededRandom(7));

        SeededRandom noise = new SeededRandom(7);
        float[] expectedX = directField(noise);
        float[] expectedY = directField(noise);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                assertThat((float) field.dx(x, y)).as("dx(%d,%d)", x, y).isEqualTo(expectedX[y * WIDTH + x]);
                assertThat((float) field.dy(x, y)).as("dy(%d,%d)", x, y).isEqualTo(expectedY[y * WIDTH + x]);
            }
        }
        assertThat(field.dx(3, 4)).isNotEqualTo(field.dy(3, 4));
    }

    /** Uniform noise, each pixel a sum over in-image taps in order along rows, then columns, then scaled. */
    private static float[] directField(SeededRandom random) {
        float[] noise = new float[WIDTH * HEIGHT];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) (2 * random.nextDouble() - 1);
        }
        float[] kernel = gaussian();
        int radius = kernel.length / 2;
        float[] rows = new float[noise.length];
        float[] result = new float[noise.length];
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                float sum = 0;
                for (int t = -radius; t <= radius; t++) {
                    if (x + t >= 0 && x + t < WIDTH) {
                        sum += kernel[t + radius] * noise[y * WIDTH + x + t];
                    }
                }
                rows[y * WIDTH + x] = sum;
            }
        }
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                float sum = 0;
                for (int t = -radius; t <= radius; t++) {
                    if (y + t >= 0 && y + t < HEIGHT) {
                        sum += kernel[t + radius] * rows[(y + t) * WIDTH + x];
                    }
                }
                result[y * WIDTH + x] = (float) (sum * ALPHA);
            }
        }
        return result;
    }

    private static float[] gaussian() {
        int radius = (int) Math.ceil(3 * SIGMA);
        float[] kernel = new float[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            sum += Math.exp(-i * i / (2 * SIGMA * SIGMA));
        }
        for (int i = -radius; i <= radius; i++) {
            kernel[i + radius] = (float) (Math.exp(-i * i / (2 * SIGMA * SIGMA)) / sum);
        }
        return kernel;
    }
}

package io.github.perceptron.core.augment;

import java.util.random.RandomGenerator;

/**
 * Simard et al.'s elastic distortion field: displacements uniform in [-1, 1] per pixel, smoothed
 * by a Gaussian of standard deviation {@code sigma} (separably, so each pass is one dimension),
 * then scaled by {@code alpha}.
 */
final class ElasticField {

    private final int width;
    private final int height;
    private final double alpha;
    private final float[] kernel;
    private final float[] dx;
    private final float[] dy;
    private final float[] scratch;

    ElasticField(int width, int height, double alpha, double sigma) {
        this.width = width;
        this.height = height;
        this.alpha = alpha;
        int radius = (int) Math.ceil(3 * sigma);
        this.kernel = new float[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            sum += Math.exp(-i * i / (2 * sigma * sigma));
        }
        for (int i = -radius; i <= radius; i++) {
            kernel[i + radius] = (float) (Math.exp(-i * i / (2 * sigma * sigma)) / sum);
        }
        this.dx = new float[width * height];
        this.dy = new float[width * height];
        this.scratch = new float[width * height];
    }

    void draw(RandomGenerator random) {
        fill(dx, random);
        fill(dy, random);
    }

    double dx(int x, int y) {
        return dx[y * width + x];
    }

    double dy(int x, int y) {
        return dy[y * width + x];
    }

    private void fill(float[] field, RandomGenerator random) {
        for (int i = 0; i < field.length; i++) {
            field[i] = (float) (2 * random.nextDouble() - 1);
        }
        smooth(field, scratch, 1, width, height);
        smooth(scratch, field, width, height, width);
        for (int i = 0; i < field.length; i++) {
            field[i] *= alpha;
        }
    }

    /**
     * Convolves along one axis: {@code step} 1 smooths rows, {@code step = width} columns.
     * {@code length} is the extent along the axis, {@code lines} how many lines there are.
     */
    private void smooth(float[] in, float[] out, int step, int length, int lines) {
        int radius = kernel.length / 2;
        int lineStep = step == 1 ? width : 1;
        for (int line = 0; line < lines; line++) {
            int base = line * lineStep;
            for (int i = 0; i < length; i++) {
                float sum = 0;
                for (int t = -radius; t <= radius; t++) {
                    int j = i + t;
                    if (j >= 0 && j < length) {
                        sum += kernel[t + radius] * in[base + j * step];
                    }
                }
                out[base + i * step] = sum;
            }
        }
    }
}

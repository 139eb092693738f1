package io.github.perceptron.core.batch;

import java.util.Arrays;
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
    private final float[] padded;
    private final float[] paddedOut;
    private final float[] shifted;

    ElasticField(int width, int height, double alpha, double sigma) {
        this.width = width;
        this.height = height;
        this.alpha = alpha;
        int radius = (int) Math.ceil(3 * sigma);
        this.kernel = new float[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            sum += StrictMath.exp(-i * i / (2 * sigma * sigma));
        }
        for (int i = -radius; i <= radius; i++) {
            kernel[i + radius] = (float) (StrictMath.exp(-i * i / (2 * sigma * sigma)) / sum);
        }
        this.dx = new float[width * height];
        this.dy = new float[width * height];
        this.scratch = new float[width * height];
        this.padded = new float[height * (width + kernel.length - 1)];
        this.paddedOut = new float[padded.length];
        this.shifted = new float[padded.length];
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
        smoothRows(field, scratch);
        smoothColumns(scratch, field);
        for (int i = 0; i < field.length; i++) {
            field[i] *= alpha;
        }
    }

    /*
     * The Gaussian is applied separably, rows then columns, with pixels outside the image counting
     * as zero. Each output sums the kernel's taps in order, one tap at a time across the whole
     * image. JDK 17's C2 will not vectorise a loop whose load index differs from its store index by
     * a variable amount (a[i] += w * b[i + t] runs 4-5x slower than a[i] += w * c[i]), so each tap
     * first copies the shifted source into line with the output.
     */

    /** Rows go into a buffer whose rows carry {@code radius} zeros either side, so a tap never wraps. */
    private void smoothRows(float[] in, float[] out) {
        int radius = kernel.length / 2;
        int stride = width + 2 * radius;
        for (int y = 0; y < height; y++) {
            System.arraycopy(in, y * width, padded, y * stride + radius, width);
        }
        int span = (height - 1) * stride + width;
        Arrays.fill(paddedOut, 0, span, 0f);
        for (int t = 0; t < kernel.length; t++) {
            float weight = kernel[t];
            System.arraycopy(padded, t, shifted, 0, span);
            addScaled(paddedOut, shifted, 0, span, weight);
        }
        for (int y = 0; y < height; y++) {
            System.arraycopy(paddedOut, y * stride, out, y * width, width);
        }
    }

    /** A column tap is a whole-image shift by rows: one contiguous run per tap. */
    private void smoothColumns(float[] in, float[] out) {
        int radius = kernel.length / 2;
        Arrays.fill(out, 0f);
        for (int t = 0; t < kernel.length; t++) {
            int offset = t - radius;
            int firstRow = Math.max(0, -offset);
            int endRow = Math.min(height, height - offset);
            if (endRow <= firstRow) {
                // The tap reaches past the whole image (a radius above its height): only zeros.
                continue;
            }
            float weight = kernel[t];
            int first = firstRow * width;
            int end = endRow * width;
            System.arraycopy(in, first + offset * width, shifted, first, end - first);
            addScaled(out, shifted, first, end, weight);
        }
    }

    /** {@code target[i] += weight * source[i]} for i in [from, to): one index for both, so it vectorises. */
    private static void addScaled(float[] target, float[] source, int from, int to, float weight) {
        for (int i = from; i < to; i++) {
            target[i] += weight * source[i];
        }
    }
}

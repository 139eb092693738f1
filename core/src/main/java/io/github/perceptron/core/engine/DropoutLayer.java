package io.github.perceptron.core.engine;

import io.github.perceptron.core.kernel.MatrixKernel;
import io.github.perceptron.core.kernel.Parallel;
import io.github.perceptron.core.random.SeededRandom;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Inverted dropout: in training each unit is kept with probability {@code 1 - rate} and scaled by
 * {@code 1/(1 - rate)}, so evaluation is the identity and needs no rescaling.
 */
final class DropoutLayer implements Layer {

    private final int width;
    private final double rate;
    private final int threads;
    private float[] mask = new float[0];
    private long seed;

    DropoutLayer(int width, double rate) {
        this(width, rate, 1);
    }

    /** A layer that draws its masks on up to {@code threads} threads, with the same masks for any number. */
    DropoutLayer(int width, double rate, int threads) {
        this.width = width;
        this.rate = rate;
        this.threads = threads;
    }

    @Override
    public DropoutLayer sharingWeights(MatrixKernel kernel) {
        return new DropoutLayer(width, rate, kernel.threads());
    }

    @Override
    public int inputs() {
        return width;
    }

    @Override
    public int outputs() {
        return width;
    }

    /**
     * Draws one number from {@code random}, the seed of this step's mask: unit {@code i} is dropped
     * when the {@code i}-th number of that seed's sequence, as a double in [0, 1), is below the
     * rate. Each unit's number is computed from its index alone, so rows can be drawn on several
     * threads and the mask is the same for any thread count (50,000 draws a step for a 500-unit
     * layer were 9% of the default run's samples on one thread).
     */
    @Override
    public void sample(int rows, RandomGenerator random) {
        drawSeed(rows, random);
        Parallel.forEachRowRange(threads, rows, this::fillMask);
    }

    /** The seed of this step's mask ({@link #sample}'s one draw); its rows are made by {@link #forwardRows}. */
    @Override
    public void drawSeed(int rows, RandomGenerator random) {
        int length = rows * width;
        if (mask.length < length) {
            mask = new float[length];
        }
        seed = random.nextLong();
    }

    /** Rows {@code [from, to)} of this step's mask, each unit from its index alone. */
    private void fillMask(int from, int to) {
        float kept = (float) (1.0 / (1.0 - rate));
        for (int i = from * width, end = to * width; i < end; i++) {
            mask[i] = (SeededRandom.nth(seed, i) >>> 11) * 0x1.0p-53 < rate ? 0f : kept;
        }
    }

    @Override
    public void forwardRows(float[] input, float[] output, int from, int to, int task) {
        fillMask(from, to);
        for (int i = from * width, end = to * width; i < end; i++) {
            output[i] = input[i] * mask[i];
        }
    }

    @Override
    public void backwardRows(float[] output, float[] outputGradient, float[] inputGradient, int from, int to, int task) {
        if (inputGradient == null) {
            return;
        }
        for (int i = from * width, end = to * width; i < end; i++) {
            inputGradient[i] = outputGradient[i] * mask[i];
        }
    }

    @Override
    public void forward(float[] input, float[] output, int rows, boolean training) {
        int length = rows * width;
        if (!training) {
            System.arraycopy(input, 0, output, 0, length);
            return;
        }
        if (mask.length < length) {
            throw new IllegalStateException("dropout mask not sampled for " + rows + " rows");
        }
        for (int i = 0; i < length; i++) {
            output[i] = input[i] * mask[i];
        }
    }

    @Override
    public void backward(float[] input, float[] output, float[] outputGradient, float[] inputGradient, int rows) {
        if (inputGradient == null) {
            return;
        }
        for (int i = 0, length = rows * width; i < length; i++) {
            inputGradient[i] = outputGradient[i] * mask[i];
        }
    }

    @Override
    public List<Parameter> parameters() {
        return List.of();
    }

    public double rate() {
        return rate;
    }
}

package io.github.perceptron.core.layer;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Inverted dropout: in training each unit is kept with probability {@code 1 - rate} and scaled by
 * {@code 1/(1 - rate)}, so evaluation is the identity and needs no rescaling.
 */
public final class DropoutLayer implements Layer {

    private final int width;
    private final double rate;
    private float[] mask = new float[0];

    public DropoutLayer(int width, double rate) {
        this.width = width;
        this.rate = rate;
    }

    @Override
    public int inputs() {
        return width;
    }

    @Override
    public int outputs() {
        return width;
    }

    @Override
    public void sample(int rows, RandomGenerator random) {
        int length = rows * width;
        if (mask.length < length) {
            mask = new float[length];
        }
        float kept = (float) (1.0 / (1.0 - rate));
        for (int i = 0; i < length; i++) {
            mask[i] = random.nextDouble() < rate ? 0f : kept;
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

package io.github.perceptron.core.engine;

import io.github.perceptron.core.engine.Network;
import io.github.perceptron.core.random.SeededRandom;

/**
 * Compares a network's backpropagated gradients with central differences
 * {@code (L(w+h) - L(w-h)) / 2h} of the mean batch loss, for every parameter value. Randomness
 * (dropout masks) is replayed from the same seed on every evaluation, so the mask stays fixed.
 */
final class GradientCheck {

    private static final long MASK_SEED = 99;

    private GradientCheck() {
    }

    /** The largest {@link #relativeError} over the network's parameter tensors. */
    static double maxRelativeError(Network network, float[] input, int[] labels, int rows, float h) {
        network.computeGradients(input, labels, rows, new SeededRandom(MASK_SEED));
        float[][] analytic = network.parameters().stream().map(p -> p.gradient().clone()).toArray(float[][]::new);
        double worst = 0;
        for (int p = 0; p < analytic.length; p++) {
            worst = Math.max(worst, relativeError(analytic[p], numericGradient(network, p, input, labels, rows, h)));
        }
        return worst;
    }

    /** Central differences of the mean loss for every value of parameter tensor {@code p}. */
    static double[] numericGradient(Network network, int p, float[] input, int[] labels, int rows, float h) {
        Parameter parameter = network.parameters().get(p);
        float[] w = parameter.values();
        double[] numeric = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            float saved = w[i];
            w[i] = saved + h;
            double plus = meanLoss(network, input, labels, rows);
            w[i] = saved - h;
            double minus = meanLoss(network, input, labels, rows);
            w[i] = saved;
            numeric[i] = (plus - minus) / (2.0 * h);
        }
        return numeric;
    }

    /**
     * {@code ‖a - n‖ / (‖a‖ + ‖n‖)} over one tensor: taken per tensor rather than per entry, so
     * that entries near zero do not turn float rounding noise into large ratios.
     */
    static double relativeError(float[] analytic, double[] numeric) {
        double difference = 0;
        double norms = 0;
        for (int i = 0; i < analytic.length; i++) {
            difference += (analytic[i] - numeric[i]) * (analytic[i] - numeric[i]);
            norms += analytic[i] * analytic[i] + numeric[i] * numeric[i];
        }
        return Math.sqrt(difference) / Math.sqrt(norms);
    }

    private static double meanLoss(Network network, float[] input, int[] labels, int rows) {
        return network.computeGradients(input, labels, rows, new SeededRandom(MASK_SEED)) / rows;
    }
}

package io.github.perceptron.core.network;

import io.github.perceptron.core.layer.Parameter;
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

    /**
     * The largest relative error {@code ‖a - n‖ / (‖a‖ + ‖n‖)} over the parameter tensors, between
     * the analytic gradient {@code a} and the numeric one {@code n}. Taken per tensor rather than per
     * entry, so that entries near zero do not turn float rounding noise into large ratios.
     */
    static double maxRelativeError(Network network, float[] input, int[] labels, int rows, float h) {
        network.computeGradients(input, labels, rows, new SeededRandom(MASK_SEED));
        double worst = 0;
        for (Parameter parameter : network.parameters()) {
            float[] analytic = parameter.gradient().clone();
            float[] w = parameter.values();
            double difference = 0;
            double norms = 0;
            for (int i = 0; i < w.length; i++) {
                float saved = w[i];
                w[i] = saved + h;
                double plus = meanLoss(network, input, labels, rows);
                w[i] = saved - h;
                double minus = meanLoss(network, input, labels, rows);
                w[i] = saved;
                double numeric = (plus - minus) / (2.0 * h);
                difference += (analytic[i] - numeric) * (analytic[i] - numeric);
                norms += analytic[i] * analytic[i] + numeric * numeric;
            }
            worst = Math.max(worst, Math.sqrt(difference) / Math.sqrt(norms));
        }
        return worst;
    }

    private static double meanLoss(Network network, float[] input, int[] labels, int rows) {
        return network.computeGradients(input, labels, rows, new SeededRandom(MASK_SEED)) / rows;
    }
}

package io.github.perceptron.core.loss;

import io.github.perceptron.core.layer.Activation;

/**
 * Softmax and log-loss as one block: {@code L = log Σ_j e^{z_j} - z_y} and {@code dL/dz = p - y},
 * so no softmax Jacobian is ever formed. The log-sum-exp subtracts the row maximum first, so no
 * exponent overflows and the loss stays finite however confident the network is.
 *
 * <p>With label smoothing ε the target is {@code q = (1-ε)·y + ε/K} over K classes: {@code L =
 * log Σ_j e^{z_j} - Σ_j q_j z_j} and {@code dL/dz = p - q}, computed from the logits, so no
 * probability's logarithm is ever taken.
 */
final class SoftmaxCrossEntropy implements Loss {

    static final String ID = "cross-entropy";
    static final SoftmaxCrossEntropy INSTANCE = new SoftmaxCrossEntropy(0);

    private final float smoothing;

    SoftmaxCrossEntropy(double smoothing) {
        if (!(smoothing >= 0 && smoothing < 1)) {
            throw new IllegalArgumentException("label smoothing must be in [0, 1), was " + smoothing);
        }
        this.smoothing = (float) smoothing;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Activation outputActivation() {
        return Activation.SOFTMAX;
    }

    @Override
    public void evaluateRows(float[] z, int[] labels, int from, int to, int rows, int classes, float[] gradient,
                             double[] rowLosses) {
        float perRow = 1f / rows;
        float spread = smoothing / classes;
        for (int r = from; r < to; r++) {
            int first = r * classes;
            int target = first + labels[r];
            double targetTerm = z[target];
            if (smoothing > 0) {
                double logitSum = 0;
                for (int j = first; j < first + classes; j++) {
                    logitSum += z[j];
                }
                targetTerm = (1 - smoothing) * targetTerm + spread * logitSum;
            }
            rowLosses[r] = Activation.softmaxRow(z, first, classes) - targetTerm;
            if (gradient != null) {
                for (int j = first; j < first + classes; j++) {
                    gradient[j] = (z[j] - spread) * perRow;
                }
                gradient[target] -= (1 - smoothing) * perRow;
            }
        }
    }

    @Override
    public String toString() {
        return ID;
    }
}

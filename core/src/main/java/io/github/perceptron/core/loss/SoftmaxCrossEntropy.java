package io.github.perceptron.core.loss;

import io.github.perceptron.core.layer.Activation;

/**
 * Softmax and log-loss as one block: {@code L = log Σ_j e^{z_j} - z_y} and {@code dL/dz = p - y},
 * so no softmax Jacobian is ever formed. The log-sum-exp subtracts the row maximum first, so no
 * exponent overflows and the loss stays finite however confident the network is.
 */
final class SoftmaxCrossEntropy implements Loss {

    static final String ID = "cross-entropy";
    static final SoftmaxCrossEntropy INSTANCE = new SoftmaxCrossEntropy();

    private SoftmaxCrossEntropy() {
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
    public double evaluate(float[] z, int[] labels, int rows, int classes, float[] gradient) {
        double total = 0;
        float perRow = 1f / rows;
        for (int r = 0; r < rows; r++) {
            int from = r * classes;
            float max = Float.NEGATIVE_INFINITY;
            for (int j = from; j < from + classes; j++) {
                max = Math.max(max, z[j]);
            }
            double sum = 0;
            for (int j = from; j < from + classes; j++) {
                sum += Math.exp(z[j] - max);
            }
            double logSumExp = max + Math.log(sum);
            int target = from + labels[r];
            total += logSumExp - z[target];
            for (int j = from; j < from + classes; j++) {
                z[j] = (float) Math.exp(z[j] - logSumExp);
            }
            if (gradient != null) {
                for (int j = from; j < from + classes; j++) {
                    gradient[j] = z[j] * perRow;
                }
                gradient[target] -= perRow;
            }
        }
        return total;
    }

    @Override
    public String toString() {
        return ID;
    }
}

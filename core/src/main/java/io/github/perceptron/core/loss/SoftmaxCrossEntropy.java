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

    /** One exponential per output: {@code p_j = e^{z_j - max} / Σ e^{z_i - max}}, the loss {@code max + log Σ - z_y}. */
    @Override
    public void evaluateRows(float[] z, int[] labels, int from, int to, int rows, int classes, float[] gradient,
                             double[] rowLosses) {
        float perRow = 1f / rows;
        double[] exponentials = new double[classes];
        for (int r = from; r < to; r++) {
            int first = r * classes;
            float max = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < classes; j++) {
                max = Math.max(max, z[first + j]);
            }
            double sum = 0;
            for (int j = 0; j < classes; j++) {
                double e = Math.exp(z[first + j] - max);
                exponentials[j] = e;
                sum += e;
            }
            int target = first + labels[r];
            rowLosses[r] = max + Math.log(sum) - z[target];
            double scale = 1 / sum;
            for (int j = 0; j < classes; j++) {
                z[first + j] = (float) (exponentials[j] * scale);
            }
            if (gradient != null) {
                for (int j = first; j < first + classes; j++) {
                    gradient[j] = z[j] * perRow;
                }
                gradient[target] -= perRow;
            }
        }
    }

    @Override
    public String toString() {
        return ID;
    }
}

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
    public void evaluateRows(float[] z, int[] labels, int from, int to, int rows, int classes, float[] gradient,
                             double[] rowLosses) {
        float perRow = 1f / rows;
        for (int r = from; r < to; r++) {
            int first = r * classes;
            int target = first + labels[r];
            float targetLogit = z[target];
            rowLosses[r] = Activation.softmaxRow(z, first, classes) - targetLogit;
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

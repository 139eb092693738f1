package io.github.perceptron.core.loss;

import io.github.perceptron.core.layer.Activation;

/**
 * The notebooks' baseline: {@code L = ½ Σ_j (a_j - y_j)²} with {@code a = f(z)}, so
 * {@code dL/dz = (a - y) ⊙ f'(z)}. With a sigmoid output the {@code f'} factor makes learning
 * slow when a unit saturates on the wrong side, which is what cross-entropy fixes.
 */
final class MeanSquaredError implements Loss {

    static final String ID = "mse";

    private final Activation output;

    MeanSquaredError(Activation output) {
        if (!output.isElementWise()) {
            throw new IllegalArgumentException("mse needs an element-wise output activation, not " + output.id());
        }
        this.output = output;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Activation outputActivation() {
        return output;
    }

    @Override
    public void evaluateRows(float[] z, int[] labels, int from, int to, int rows, int classes, float[] gradient,
                             double[] rowLosses) {
        output.applyRows(z, from, to, classes);
        float perRow = 1f / rows;
        for (int r = from; r < to; r++) {
            int first = r * classes;
            double total = 0;
            for (int j = 0; j < classes; j++) {
                float error = z[first + j] - (j == labels[r] ? 1f : 0f);
                total += 0.5 * error * error;
                if (gradient != null) {
                    gradient[first + j] = error * perRow;
                }
            }
            rowLosses[r] = total;
        }
        if (gradient != null) {
            output.multiplyByDerivative(z, gradient, from * classes, to * classes);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MeanSquaredError mse && mse.output == output;
    }

    @Override
    public int hashCode() {
        return output.hashCode();
    }

    @Override
    public String toString() {
        return ID + "(" + output.id() + ")";
    }
}

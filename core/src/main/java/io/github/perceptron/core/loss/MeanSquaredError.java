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
    public double evaluate(float[] z, int[] labels, int rows, int classes, float[] gradient) {
        output.apply(z, rows, classes);
        double total = 0;
        float perRow = 1f / rows;
        for (int r = 0; r < rows; r++) {
            int from = r * classes;
            for (int j = 0; j < classes; j++) {
                float error = z[from + j] - (j == labels[r] ? 1f : 0f);
                total += 0.5 * error * error;
                if (gradient != null) {
                    gradient[from + j] = error * perRow;
                }
            }
        }
        if (gradient != null) {
            output.multiplyByDerivative(z, gradient, rows * classes);
        }
        return total;
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

package io.github.perceptron.core.loss;

import io.github.perceptron.core.layer.Activation;

/**
 * A loss owns the output layer's activation and the gradient through it (as Nielsen's cost
 * classes own their {@code delta}), so softmax and log-loss are computed as one block.
 *
 * <p>Targets are class indices; the one-hot vector is implied.
 */
public interface Loss {

    /**
     * The name used on the command line and in model files.
     *
     * @return {@code "cross-entropy"} or {@code "mse"}
     */
    String id();

    /**
     * The activation the output layer applies under this loss.
     *
     * @return the output activation (identity-then-softmax for cross-entropy is fused in the loss)
     */
    Activation outputActivation();

    /**
     * Turns the output layer's pre-activations {@code z[rows×classes]} into outputs in place and
     * returns the loss summed over the rows. Unless {@code gradient} is null, writes there
     * {@code dL/dz} of the <em>mean</em> loss over the rows.
     *
     * @param z        pre-activations, {@code rows × classes}, replaced by the outputs
     * @param labels   each row's class index
     * @param rows     rows of the batch
     * @param classes  outputs per row
     * @param gradient where to write {@code dL/dz} ({@code rows × classes}), or null for none
     * @return the loss summed over the rows
     */
    default double evaluate(float[] z, int[] labels, int rows, int classes, float[] gradient) {
        double[] rowLosses = new double[rows];
        evaluateRows(z, labels, 0, rows, rows, classes, gradient, rowLosses);
        double total = 0;
        for (double rowLoss : rowLosses) {
            total += rowLoss;
        }
        return total;
    }

    /**
     * As {@link #evaluate} on rows {@code [from, to)} of a batch of {@code rows} (whose count scales
     * the gradient), writing each row's loss into {@code rowLosses[r]}: rows are independent, so
     * threads may each take a range, and the caller sums the losses in row order whatever the split.
     *
     * @param z         pre-activations of the whole batch, rows {@code [from, to)} replaced by outputs
     * @param labels    each row's class index
     * @param from      the first row, inclusive
     * @param to        the last row, exclusive
     * @param rows      rows of the whole batch, which the mean's gradient divides by
     * @param classes   outputs per row
     * @param gradient  where to write {@code dL/dz} of these rows, or null for none
     * @param rowLosses where to write each row's loss, at its row index
     */
    void evaluateRows(float[] z, int[] labels, int from, int to, int rows, int classes, float[] gradient,
                      double[] rowLosses);

    /**
     * Softmax output with cross-entropy (log-loss): the default.
     *
     * @return the loss
     */
    static Loss crossEntropy() {
        return SoftmaxCrossEntropy.INSTANCE;
    }

    /**
     * Softmax with cross-entropy against smoothed targets: each row's one-hot target becomes
     * {@code (1-ε)·y + ε/K} (Szegedy et al. 2016), which keeps the network from driving its logits
     * apart without end. For training only: evaluation measures the plain cross-entropy.
     *
     * @param epsilon the share of the target spread over all classes, in [0, 1); 0 is {@link #crossEntropy()}
     * @return the loss
     * @throws IllegalArgumentException if {@code epsilon} is outside [0, 1)
     */
    static Loss crossEntropy(double epsilon) {
        return epsilon == 0 ? crossEntropy() : new SoftmaxCrossEntropy(epsilon);
    }

    /**
     * Half squared error {@code ½‖a - y‖²} on an element-wise output activation (the notebooks use sigmoid).
     *
     * @param output the output layer's element-wise activation
     * @return the loss
     */
    static Loss meanSquaredError(Activation output) {
        return new MeanSquaredError(output);
    }

    /**
     * {@code cross-entropy}, or {@code mse} with a sigmoid output.
     *
     * @param id a name as {@link #id()} gives it, in any case
     * @return the loss
     * @throws IllegalArgumentException if no loss has that name
     */
    static Loss fromId(String id) {
        if (SoftmaxCrossEntropy.ID.equalsIgnoreCase(id)) {
            return crossEntropy();
        }
        if (MeanSquaredError.ID.equalsIgnoreCase(id)) {
            return meanSquaredError(Activation.SIGMOID);
        }
        throw new IllegalArgumentException("unknown loss '" + id + "', expected one of [cross-entropy, mse]");
    }
}

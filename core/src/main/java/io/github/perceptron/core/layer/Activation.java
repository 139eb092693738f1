package io.github.perceptron.core.layer;

import java.util.Arrays;
import java.util.Locale;

/**
 * Activation functions applied in place to a row-major {@code rows×cols} block.
 *
 * <p>Derivatives are taken from the activated output {@code a = f(z)} (for example
 * {@code σ'(z) = a(1-a)}), so layers keep only their outputs. Softmax has no element-wise
 * derivative: its gradient is always fused with the cross-entropy loss ({@code dL/dz = p - y}).
 */
public enum Activation {
    /** {@code f(z) = z}: the output layer's under a loss that needs raw scores. */
    IDENTITY {
        @Override
        public void applyRows(float[] z, int fromRow, int toRow, int cols) {
        }

        @Override
        public void multiplyByDerivative(float[] a, float[] gradient, int from, int to) {
        }
    },
    // StrictMath, not Math, wherever a value reaches the weights: Math's exp, log and tanh may
    // differ in the last bit between CPUs and JIT intrinsics; StrictMath's are the same everywhere.
    /** {@code f(z) = 1/(1 + e^{-z})}, in (0, 1): the notebooks' activation. */
    SIGMOID {
        @Override
        public void applyRows(float[] z, int fromRow, int toRow, int cols) {
            for (int i = fromRow * cols, end = toRow * cols; i < end; i++) {
                z[i] = (float) (1.0 / (1.0 + StrictMath.exp(-z[i])));
            }
        }

        @Override
        public void multiplyByDerivative(float[] a, float[] gradient, int from, int to) {
            for (int i = from; i < to; i++) {
                gradient[i] *= a[i] * (1f - a[i]);
            }
        }
    },
    /** {@code f(z) = tanh z}, in (-1, 1). */
    TANH {
        @Override
        public void applyRows(float[] z, int fromRow, int toRow, int cols) {
            for (int i = fromRow * cols, end = toRow * cols; i < end; i++) {
                z[i] = (float) StrictMath.tanh(z[i]);
            }
        }

        @Override
        public void multiplyByDerivative(float[] a, float[] gradient, int from, int to) {
            for (int i = from; i < to; i++) {
                gradient[i] *= 1f - a[i] * a[i];
            }
        }
    },
    /** {@code f(z) = max(z, 0)}: the default for hidden layers. */
    RELU {
        @Override
        public void applyRows(float[] z, int fromRow, int toRow, int cols) {
            for (int i = fromRow * cols, end = toRow * cols; i < end; i++) {
                z[i] = Math.max(z[i], 0f);
            }
        }

        /**
         * The step function as {@code min(a·2¹²⁷, 1)} twice, exactly 1 for any positive float
         * (denormals included), 0 for 0 and NaN for NaN: branch-free, so C2 vectorises it, where
         * the obvious {@code a > 0 ? g : 0} mispredicts on half the units (13% of an epoch).
         */
        @Override
        public void multiplyByDerivative(float[] a, float[] gradient, int from, int to) {
            for (int i = from; i < to; i++) {
                gradient[i] *= Math.min(Math.min(a[i] * 0x1p127f, 1f) * 0x1p127f, 1f);
            }
        }
    },
    /** Row-wise softmax, max-subtracted so that no exponent overflows. Output layer only. */
    SOFTMAX {
        @Override
        public void applyRows(float[] z, int fromRow, int toRow, int cols) {
            for (int r = fromRow; r < toRow; r++) {
                softmaxRow(z, r * cols, cols);
            }
        }

        @Override
        public void multiplyByDerivative(float[] a, float[] gradient, int from, int to) {
            throw new UnsupportedOperationException(
                    "softmax has no element-wise derivative; its gradient is fused with cross-entropy");
        }

        @Override
        public boolean isElementWise() {
            return false;
        }
    };

    /**
     * Replaces {@code z[from, from+cols)} by its softmax, the row maximum subtracted first so that
     * no exponent overflows, and returns the row's log-sum-exp {@code log Σ e^{z_j}} as it was: the
     * one softmax of the project, which cross-entropy shares for its loss.
     *
     * @param z    the scores, overwritten with probabilities
     * @param from the row's first index in {@code z}
     * @param cols the row's length (the classes)
     * @return the row's log-sum-exp, for the loss
     */
    public static double softmaxRow(float[] z, int from, int cols) {
        float max = Float.NEGATIVE_INFINITY;
        for (int j = from; j < from + cols; j++) {
            max = Math.max(max, z[j]);
        }
        double sum = 0;
        for (int j = from; j < from + cols; j++) {
            double e = StrictMath.exp(z[j] - max);
            z[j] = (float) e;
            sum += e;
        }
        double scale = 1 / sum;
        for (int j = from; j < from + cols; j++) {
            z[j] = (float) (z[j] * scale);
        }
        return max + StrictMath.log(sum);
    }

    /**
     * Replaces each {@code z} in the first {@code rows×cols} entries by {@code f(z)}.
     *
     * @param z    a row-major block of at least {@code rows×cols} values, changed in place
     * @param rows rows of the block
     * @param cols values per row
     */
    public void apply(float[] z, int rows, int cols) {
        applyRows(z, 0, rows, cols);
    }

    /**
     * Replaces each {@code z} in rows {@code [fromRow, toRow)} of a {@code cols}-wide block by
     * {@code f(z)}: rows are independent, so threads may each take a range.
     *
     * @param z       a row-major block, changed in place
     * @param fromRow the first row, inclusive
     * @param toRow   the last row, exclusive
     * @param cols    values per row
     */
    public abstract void applyRows(float[] z, int fromRow, int toRow, int cols);

    /**
     * {@code gradient[i] *= f'(z_i)}, with the derivative written in terms of {@code a[i] = f(z_i)}.
     *
     * @param a        the activated outputs
     * @param gradient the gradients with respect to {@code a}, turned into gradients with respect to {@code z} in place
     * @param length   how many entries, from the first
     */
    public void multiplyByDerivative(float[] a, float[] gradient, int length) {
        multiplyByDerivative(a, gradient, 0, length);
    }

    /**
     * As {@link #multiplyByDerivative(float[], float[], int)} on entries {@code [from, to)} only.
     *
     * @param a        the activated outputs
     * @param gradient the gradients with respect to {@code a}, changed in place
     * @param from     the first entry, inclusive
     * @param to       the last entry, exclusive
     */
    public abstract void multiplyByDerivative(float[] a, float[] gradient, int from, int to);

    /**
     * Whether this activation maps each element on its own (all but softmax), so may sit in a hidden layer.
     *
     * @return true for every constant of this enum (softmax lives with its loss)
     */
    public boolean isElementWise() {
        return true;
    }

    /**
     * The lower-case name used on the command line and in model files.
     *
     * @return {@code "identity"}, {@code "sigmoid"}, {@code "tanh"} or {@code "relu"}
     */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The activation named {@code id} (case-insensitive), or an error listing the valid names.
     *
     * @param id a name as {@link #id()} gives it, in any case
     * @return the activation
     * @throws IllegalArgumentException if no activation has that name
     */
    public static Activation fromId(String id) {
        for (Activation activation : values()) {
            if (activation.id().equalsIgnoreCase(id)) {
                return activation;
            }
        }
        throw new IllegalArgumentException("unknown activation '" + id + "', expected one of "
                + Arrays.stream(values()).map(Activation::id).toList());
    }
}

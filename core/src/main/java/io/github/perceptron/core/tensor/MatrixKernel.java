package io.github.perceptron.core.tensor;

/**
 * The matrix products dense layers need, on row-major {@code float[]} matrices.
 *
 * <p>Internal to core: layers call it and nothing else multiplies matrices, so a faster
 * implementation can be dropped in through {@link Kernels}. Every method overwrites its output.
 * Implementations must sum each output element in an order that does not depend on the number of
 * threads, so that results are bit-identical however the work is split.
 */
public interface MatrixKernel {

    /** {@code c[m×n] = a[m×k] · b[k×n]}. */
    void multiply(float[] a, float[] b, float[] c, int m, int k, int n);

    /** {@code c[k×n] = a[m×k]ᵀ · b[m×n]}: the weight gradient {@code xᵀ·dz}. */
    void multiplyTransposedA(float[] a, float[] b, float[] c, int m, int k, int n);

    /** {@code c[m×k] = a[m×n] · b[k×n]ᵀ}: the input gradient {@code dz·wᵀ}. */
    void multiplyTransposedB(float[] a, float[] b, float[] c, int m, int n, int k);

    /** Adds {@code v[n]} to each of the {@code m} rows of {@code c[m×n]}. */
    void addToRows(float[] c, float[] v, int m, int n);

    /** {@code sums[j] = Σ_i a[i×n + j]} over {@code m} rows. */
    void sumColumns(float[] a, float[] sums, int m, int n);

    /** The threads products are split over: other per-row work of the layers may use as many. */
    int threads();
}

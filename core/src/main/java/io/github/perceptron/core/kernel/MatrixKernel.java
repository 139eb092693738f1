package io.github.perceptron.core.kernel;

/**
 * The matrix products dense layers need, on row-major {@code float[]} matrices.
 *
 * <p>Internal to core: layers call it and nothing else multiplies matrices, so a faster
 * implementation can be dropped in through {@link KernelChoice}. Every method overwrites its output.
 * Implementations must sum each output element in an order that does not depend on the number of
 * threads, so that results are bit-identical however the work is split.
 */
public interface MatrixKernel {

    /** {@code c[m×n] = a[m×k] · b[k×n]}. */
    default void multiply(float[] a, float[] b, float[] c, int m, int k, int n) {
        multiply(a, b, c, m, k, n, (from, to) -> { });
    }

    /**
     * {@code c[m×n] = a[m×k] · b[k×n]}, then {@code finish} on each range of rows of {@code c}, run
     * by the thread that computed those rows while they are in its cache: a layer's bias and
     * activation, which would otherwise wait for one thread to walk the whole batch.
     */
    void multiply(float[] a, float[] b, float[] c, int m, int k, int n, Parallel.RowRange finish);

    /**
     * Runs {@code action} over rows {@code [0, rows)}, each row once, split between this kernel's
     * threads when {@code work} (in multiply-adds or their equivalent) is worth a hand-off.
     */
    void forEachRowRange(int rows, long work, Parallel.RowRange action);

    /** {@code c[k×n] = a[m×k]ᵀ · b[m×n]}: the weight gradient {@code xᵀ·dz}. */
    void multiplyTransposedA(float[] a, float[] b, float[] c, int m, int k, int n);

    /** {@code c[m×k] = a[m×n] · b[k×n]ᵀ}: the input gradient {@code dz·wᵀ}. */
    void multiplyTransposedB(float[] a, float[] b, float[] c, int m, int n, int k);

    /** Adds {@code v[n]} to rows {@code [fromRow, toRow)} of {@code c[·×n]}. */
    void addToRows(float[] c, float[] v, int fromRow, int toRow, int n);

    /** {@code sums[j] = Σ_i a[i×n + j]} over {@code m} rows. */
    void sumColumns(float[] a, float[] sums, int m, int n);

    /**
     * Rows {@code [from, to)} of {@code c = a[·×k] · b[k×n]}, computed on the calling thread with
     * task {@code task}'s scratch (below {@link #threads()}): a step's share in a {@link StepRegion}.
     * Each element is the one {@link #multiply} computes.
     */
    void multiplyRows(float[] a, float[] b, float[] c, int from, int to, int k, int n, int task);

    /**
     * Rows {@code [from, to)} of {@code c[k×n] = a[m×k]ᵀ · b[m×n]}, {@code from} a multiple of 4:
     * the elements {@link #multiplyTransposedA} computes, for one task's share of the weight rows.
     */
    void multiplyTransposedARows(float[] a, float[] b, float[] c, int m, int k, int n, int from, int to, int task);

    /**
     * Rows {@code [from, to)} of {@code c[·×k] = a[·×n] · b[k×n]ᵀ}, with task {@code task}'s scratch:
     * the elements {@link #multiplyTransposedB} computes, for one task's share of the batch rows.
     */
    void multiplyTransposedBRows(float[] a, float[] b, float[] c, int from, int to, int n, int k, int task);

    /** Columns {@code [from, to)} of {@link #sumColumns(float[], float[], int, int)}: the same sums in the same order. */
    void sumColumns(float[] a, float[] sums, int m, int n, int from, int to);

    /** The threads products are split over: other per-row work of the layers may use as many. */
    int threads();
}

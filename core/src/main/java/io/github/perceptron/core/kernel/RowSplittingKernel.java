package io.github.perceptron.core.kernel;

import java.util.Arrays;
import java.util.function.Supplier;

/**
 * The matrix kernel: every product shape as one {@link RowProduct}, with the rows of the result
 * split between {@code threads} at multiples of 4. Each element is computed by the same code in
 * the same order whatever the split, so results are bit-identical for any thread count. Small
 * products stay on the calling thread, where handing work over would cost more than it saves, as
 * do products that find the shared {@link SpinPool} busy with another network's work.
 *
 * <p>Not thread-safe: it keeps scratch space (one instance per network).
 */
final class RowSplittingKernel implements MatrixKernel {

    /** Below this many multiply-adds a product is not worth splitting. */
    private static final long MIN_PARALLEL_WORK = 1 << 14;
    private static final Parallel.RowRange NOTHING = (from, to) -> { };

    private final RowProduct[] products;
    private final TransposeBack transposeBack = new TransposeBack();
    private float[] transposed = new float[0];
    private float[] resultTransposed = new float[0];
    /** Per task of a step region: its batch rows of {@code a} transposed, and its columns of {@code cᵀ}. */
    private final float[][] taskTransposed;
    private final float[][] taskResultTransposed;

    RowSplittingKernel(int threads, Supplier<RowProduct> product) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        products = new RowProduct[threads];
        for (int t = 0; t < threads; t++) {
            products[t] = product.get();
        }
        taskTransposed = new float[threads][0];
        taskResultTransposed = new float[threads][0];
    }

    @Override
    public void multiplyRows(float[] a, float[] b, float[] c, int from, int to, int k, int n, int task) {
        products[task].product(a, k, 1, b, c, from, to, k, n);
    }

    @Override
    public void multiplyTransposedARows(float[] a, float[] b, float[] c, int m, int k, int n, int from, int to,
                                        int task) {
        products[task].product(a, 1, k, b, c, from, to, m, n);
    }

    @Override
    public void multiplyTransposedBRows(float[] a, float[] b, float[] c, int from, int to, int n, int k, int task) {
        // As multiplyTransposedB, on this task's rows only: cᵀ's columns [from, to) = b · (a's rows)ᵀ,
        // the same rows of b in the same tiles, each element the same sum in the same order.
        int rows = to - from;
        if (rows <= 0) {
            return;
        }
        if (taskTransposed[task].length < n * rows) {
            taskTransposed[task] = new float[n * rows];
        }
        if (taskResultTransposed[task].length < k * rows) {
            taskResultTransposed[task] = new float[k * rows];
        }
        float[] aT = taskTransposed[task];
        float[] cT = taskResultTransposed[task];
        transposeRows(a, from, to, from, rows, n, aT, 0);
        products[task].product(b, n, 1, aT, cT, 0, k, n, rows);
        // cᵀ's rows back into c's rows [from, to), four at a time (adjacent writes, as transposeBack does).
        transposeRows(cT, 0, k, 0, k, rows, c, from * k);
    }

    @Override
    public void sumColumns(float[] a, float[] sums, int m, int n, int from, int to) {
        Arrays.fill(sums, from, to, 0f);
        for (int i = 0; i < m; i++) {
            int row = i * n;
            for (int j = from; j < to; j++) {
                sums[j] += a[row + j];
            }
        }
    }

    @Override
    public void multiply(float[] a, float[] b, float[] c, int m, int k, int n, Parallel.RowRange finish) {
        split(a, k, 1, b, c, m, k, n, finish);
    }

    @Override
    public void multiplyTransposedA(float[] a, float[] b, float[] c, int m, int k, int n) {
        // Row p of the result reads column p of a: element (p, i) of aᵀ is a[i·k + p].
        split(a, 1, k, b, c, k, m, n, NOTHING);
    }

    @Override
    public void multiplyTransposedB(float[] a, float[] b, float[] c, int m, int n, int k) {
        // Dot products along rows do not vectorise, so this is computed as cᵀ = b·aᵀ in the
        // row-times-matrix form: a (the batch's gradients, m×n) and the result (m×k) are
        // transposed, never b (a weight matrix, k×n, often far larger: 640,000 values for an
        // 800×800 layer against 80,000 for a batch of 100). Each element is still the sum over n
        // in ascending order of the same products, so the results are those of a·bᵀ summed directly.
        if (transposed.length < n * m) {
            transposed = new float[n * m];
        }
        if (resultTransposed.length < k * m) {
            resultTransposed = new float[k * m];
        }
        transpose(a, m, n, transposed);
        // Each thread transposes back the rows of cᵀ it computed (columns of c) while they are in its cache.
        split(b, n, 1, transposed, resultTransposed, k, n, m, transposeBack.into(c, k, m));
    }

    /** Rows of cᵀ back into c; one object per kernel, re-aimed per product, so a step allocates nothing. */
    private final class TransposeBack implements Parallel.RowRange {
        private float[] c;
        private int rows;
        private int cols;

        TransposeBack into(float[] target, int k, int m) {
            c = target;
            rows = k;
            cols = m;
            return this;
        }

        @Override
        public void run(int first, int end) {
            transposeRows(resultTransposed, first, end, 0, rows, cols, c, 0);
        }
    }

    /**
     * {@code to[cols×rows] = from[rows×cols]ᵀ}, four source rows at a time so that each write
     * fills four adjacent floats (twice as fast as element by element, which wrote a row apart).
     */
    static void transpose(float[] from, int rows, int cols, float[] to) {
        transposeRows(from, 0, rows, 0, rows, cols, to, 0);
    }

    /**
     * Rows {@code [first, end)} of {@code from[·×cols]}, written as columns {@code r - base} of
     * {@code to[cols×rows]}, which starts at {@code offset}.
     */
    private static void transposeRows(float[] from, int first, int end, int base, int rows, int cols, float[] to,
                                      int offset) {
        int r = first;
        for (; r + 4 <= end; r += 4) {
            int r0 = r * cols;
            int r1 = r0 + cols;
            int r2 = r1 + cols;
            int r3 = r2 + cols;
            for (int j = 0; j < cols; j++) {
                int at = offset + j * rows + r - base;
                to[at] = from[r0 + j];
                to[at + 1] = from[r1 + j];
                to[at + 2] = from[r2 + j];
                to[at + 3] = from[r3 + j];
            }
        }
        for (; r < end; r++) {
            for (int j = 0; j < cols; j++) {
                to[offset + j * rows + r - base] = from[r * cols + j];
            }
        }
    }

    @Override
    public void forEachRowRange(int rows, long work, Parallel.RowRange action) {
        if (products.length > 1 && work >= MIN_PARALLEL_WORK) {
            Parallel.forEachRowRange(products.length, rows, action);
        } else {
            action.run(0, rows);
        }
    }

    @Override
    public int threads() {
        return products.length;
    }

    @Override
    public void addToRows(float[] c, float[] v, int fromRow, int toRow, int n) {
        for (int i = fromRow; i < toRow; i++) {
            int row = i * n;
            for (int j = 0; j < n; j++) {
                c[row + j] += v[j];
            }
        }
    }

    @Override
    public void sumColumns(float[] a, float[] sums, int m, int n) {
        sumColumns(a, sums, m, n, 0, n);
    }

    /** Rows {@code [0, rows)} of {@code A·b}, split between the threads; {@code finish} runs on each range on the thread that computed it. */
    private void split(float[] a, int rowStride, int depthStride, float[] b, float[] c, int rows, int depth, int n,
                       Parallel.RowRange finish) {
        int chunks = Math.min(Math.min(products.length, SpinPool.SHARED.parallelism()), Math.max(1, rows / 4));
        if (chunks > 1 && (long) rows * depth * n >= MIN_PARALLEL_WORK) {
            int quads = rows / 4;
            Runnable[] tasks = new Runnable[chunks];
            for (int t = 0; t < chunks; t++) {
                int from = 4 * (quads * t / chunks);
                int to = t == chunks - 1 ? rows : 4 * (quads * (t + 1) / chunks);
                RowProduct product = products[t];
                tasks[t] = () -> {
                    product.product(a, rowStride, depthStride, b, c, from, to, depth, n);
                    finish.run(from, to);
                };
            }
            if (SpinPool.SHARED.run(tasks)) {
                return;
            }
        }
        products[0].product(a, rowStride, depthStride, b, c, 0, rows, depth, n);
        finish.run(0, rows);
    }
}

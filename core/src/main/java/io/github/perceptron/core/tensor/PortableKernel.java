package io.github.perceptron.core.tensor;

/**
 * Plain-Java kernel whose inner loops are contiguous {@code c[j] += a * b[j]} runs, which C2
 * turns into SIMD code. Rows of the left operand that are zero are skipped: MNIST inputs are about
 * 80% zero pixels, so the first layer does a fifth of the work. Skipping changes no sum order.
 *
 * <p>Not thread-safe: it keeps a transposition buffer between calls.
 */
final class PortableKernel implements MatrixKernel {

    private float[] transposed = new float[0];

    @Override
    public void multiply(float[] a, float[] b, float[] c, int m, int k, int n) {
        for (int i = 0; i < m; i++) {
            int rowC = i * n;
            java.util.Arrays.fill(c, rowC, rowC + n, 0f);
            int rowA = i * k;
            for (int p = 0; p < k; p++) {
                float av = a[rowA + p];
                if (av != 0f) {
                    axpy(av, b, p * n, c, rowC, n);
                }
            }
        }
    }

    @Override
    public void multiplyTransposedA(float[] a, float[] b, float[] c, int m, int k, int n) {
        // Row p of c gathers column p of a: c stays in L1 one row at a time while b streams.
        for (int p = 0; p < k; p++) {
            int rowC = p * n;
            java.util.Arrays.fill(c, rowC, rowC + n, 0f);
            for (int i = 0; i < m; i++) {
                float av = a[i * k + p];
                if (av != 0f) {
                    axpy(av, b, i * n, c, rowC, n);
                }
            }
        }
    }

    @Override
    public void multiplyTransposedB(float[] a, float[] b, float[] c, int m, int n, int k) {
        // Dot products along rows do not vectorise under strict float ordering; transposing b
        // (k×n, a weight matrix, small next to the product) turns this into a plain multiply.
        if (transposed.length < k * n) {
            transposed = new float[k * n];
        }
        for (int p = 0; p < k; p++) {
            for (int j = 0; j < n; j++) {
                transposed[j * k + p] = b[p * n + j];
            }
        }
        multiply(a, transposed, c, m, n, k);
    }

    @Override
    public void addToRows(float[] c, float[] v, int m, int n) {
        for (int i = 0; i < m; i++) {
            int row = i * n;
            for (int j = 0; j < n; j++) {
                c[row + j] += v[j];
            }
        }
    }

    @Override
    public void sumColumns(float[] a, float[] sums, int m, int n) {
        java.util.Arrays.fill(sums, 0, n, 0f);
        for (int i = 0; i < m; i++) {
            int row = i * n;
            for (int j = 0; j < n; j++) {
                sums[j] += a[row + j];
            }
        }
    }

    private static void axpy(float alpha, float[] x, int xFrom, float[] y, int yFrom, int length) {
        for (int j = 0; j < length; j++) {
            y[yFrom + j] += alpha * x[xFrom + j];
        }
    }
}

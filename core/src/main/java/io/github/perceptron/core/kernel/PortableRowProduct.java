package io.github.perceptron.core.kernel;

import java.util.Arrays;

/**
 * Plain-Java products that give the {@link VectorRowProduct}'s bits: every output element is the
 * same ascending chain of fused multiply-adds from zero, over the same depth steps. Rows go in
 * fours from the range's first row (a multiple of 4), and a step is skipped only where all four
 * rows of the left operand are ±0; a lone last row skips its own zeros. MNIST inputs are about 80%
 * zero pixels, so the first layer does a fraction of the work. The inner loops are contiguous
 * {@code c[j] = fma(x, b[j], c[j])} runs, which C2 turns into SIMD code.
 */
final class PortableRowProduct implements RowProduct {

    private int[] depths = new int[0];
    // C2 (JDK 17) vectorises a loop only where every array is indexed alike, since it cannot rule
    // out that two arrays are one: so the rows of b in use are copied to scratch rows, and four rows of
    // c are summed in scratch rows of their own, all indexed [j].
    private float[] bRow0 = new float[0];
    private float[] bRow1 = new float[0];
    private float[] sum0 = new float[0];
    private float[] sum1 = new float[0];
    private float[] sum2 = new float[0];
    private float[] sum3 = new float[0];

    @Override
    public void product(float[] a, int rowStride, int depthStride, float[] b, float[] c, int from, int to,
                        int depth, int n) {
        if (depths.length < depth) {
            depths = new int[depth];
        }
        if (bRow0.length < n) {
            bRow0 = new float[n];
            bRow1 = new float[n];
            sum0 = new float[n];
            sum1 = new float[n];
            sum2 = new float[n];
            sum3 = new float[n];
        }
        int r = from;
        for (; r + 4 <= to; r += 4) {
            int count = nonZeroDepths(a, rowStride, depthStride, r, 0, depth, depths, 0);
            fourRows(a, r * rowStride, rowStride, depthStride, b, n, count);
            System.arraycopy(sum0, 0, c, r * n, n);
            System.arraycopy(sum1, 0, c, (r + 1) * n, n);
            System.arraycopy(sum2, 0, c, (r + 2) * n, n);
            System.arraycopy(sum3, 0, c, (r + 3) * n, n);
        }
        for (; r < to; r++) {
            int rowA = r * rowStride;
            oneRow(a, rowA, depthStride, b, n, loneRowNonZeros(a, rowA, depthStride, depth, depths));
            System.arraycopy(sum0, 0, c, r * n, n);
        }
    }

    /**
     * {@code sumQ[j] = Σ a(row q, d)·b[d][j]} over the listed steps in order, each a fused
     * multiply-add; two steps a pass, so each pass loads and stores the sums once for eight
     * multiply-adds (four steps a pass were not vectorised by C2, and ran slower).
     */
    private void fourRows(float[] a, int a0, int rs, int ds, float[] b, int n, int count) {
        float[] s0 = sum0;
        float[] s1 = sum1;
        float[] s2 = sum2;
        float[] s3 = sum3;
        float[] p0 = bRow0;
        float[] p1 = bRow1;
        Arrays.fill(s0, 0, n, 0f);
        Arrays.fill(s1, 0, n, 0f);
        Arrays.fill(s2, 0, n, 0f);
        Arrays.fill(s3, 0, n, 0f);
        int t = 0;
        for (; t + 2 <= count; t += 2) {
            int d0 = depths[t];
            int d1 = depths[t + 1];
            System.arraycopy(b, d0 * n, p0, 0, n);
            System.arraycopy(b, d1 * n, p1, 0, n);
            int e0 = a0 + d0 * ds;
            int e1 = a0 + d1 * ds;
            float x00 = a[e0];
            float x01 = a[e1];
            float x10 = a[e0 + rs];
            float x11 = a[e1 + rs];
            float x20 = a[e0 + 2 * rs];
            float x21 = a[e1 + 2 * rs];
            float x30 = a[e0 + 3 * rs];
            float x31 = a[e1 + 3 * rs];
            for (int j = 0; j < n; j++) {
                float b0 = p0[j];
                float b1 = p1[j];
                s0[j] = fma(x01, b1, fma(x00, b0, s0[j]));
                s1[j] = fma(x11, b1, fma(x10, b0, s1[j]));
                s2[j] = fma(x21, b1, fma(x20, b0, s2[j]));
                s3[j] = fma(x31, b1, fma(x30, b0, s3[j]));
            }
        }
        for (; t < count; t++) {
            int d = depths[t];
            int ad = a0 + d * ds;
            float x0 = a[ad];
            float x1 = a[ad + rs];
            float x2 = a[ad + 2 * rs];
            float x3 = a[ad + 3 * rs];
            System.arraycopy(b, d * n, p0, 0, n);
            for (int j = 0; j < n; j++) {
                float bj = p0[j];
                s0[j] = fma(x0, bj, s0[j]);
                s1[j] = fma(x1, bj, s1[j]);
                s2[j] = fma(x2, bj, s2[j]);
                s3[j] = fma(x3, bj, s3[j]);
            }
        }
    }

    private static float fma(float a, float b, float c) {
        return FusedMultiplyAdd.fma(a, b, c);
    }

    /** Like {@link #fourRows} for one row, into {@code sum0}. */
    private void oneRow(float[] a, int rowA, int ds, float[] b, int n, int count) {
        float[] s0 = sum0;
        float[] row = bRow0;
        Arrays.fill(s0, 0, n, 0f);
        for (int t = 0; t < count; t++) {
            int d = depths[t];
            float x = a[rowA + d * ds];
            System.arraycopy(b, d * n, row, 0, n);
            for (int j = 0; j < n; j++) {
                s0[j] = fma(x, row[j], s0[j]);
            }
        }
    }

    /** Lists into {@code depths}, ascending, the steps where one row (from {@code a[from]}) is not ±0; returns their count. */
    static int loneRowNonZeros(float[] a, int from, int ds, int depth, int[] depths) {
        int count = 0;
        for (int d = 0; d < depth; d++) {
            depths[count] = d;
            count += nonZero(Float.floatToRawIntBits(a[from + d * ds]));
        }
        return count;
    }

    /**
     * Appends to {@code depths[count..]}, ascending, the steps in {@code [first, depth)} where any of
     * rows {@code r..r+3} is not ±0 (NaN included); returns the new count.
     */
    static int nonZeroDepths(float[] a, int rs, int ds, int r, int first, int depth, int[] depths, int count) {
        int a0 = r * rs;
        for (int d = first; d < depth; d++) {
            int ad = a0 + d * ds;
            depths[count] = d;
            count += nonZero(Float.floatToRawIntBits(a[ad]) | Float.floatToRawIntBits(a[ad + rs])
                    | Float.floatToRawIntBits(a[ad + 2 * rs]) | Float.floatToRawIntBits(a[ad + 3 * rs]));
        }
        return count;
    }

    /**
     * 1 when the OR of float bit patterns holds a value other than ±0 (NaN included), else 0,
     * without a branch: which pixels are zero is data, and a branch on it mispredicts often.
     */
    static int nonZero(int orOfBits) {
        int magnitude = orOfBits << 1;
        return (magnitude | -magnitude) >>> 31;
    }
}

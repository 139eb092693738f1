package io.github.perceptron.core.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Products on the JDK's Vector API ({@code jdk.incubator.vector}): register tiles of 4 rows × 3
 * SIMD vectors (4 × 2 and 4 × 1 at the edges), accumulated with fused multiply-adds over the shared dimension in ascending order,
 * so each output element is summed in the same order however rows are split. Columns that do not
 * fill a pair of vectors are covered by vectors overlapping the previous ones; fewer columns than
 * one vector go through a padded copy of {@code b}. Depth steps where all four rows of the left
 * operand are zero are skipped (MNIST's blank margins), as are a lone row's zeros. Tiles run in
 * passes over a few hundred kilobytes of {@code b}'s columns at a time, so that many blocks of rows
 * reuse them from cache, each three-vector strip of a pass first copied into a contiguous panel, so
 * that a tile reads it as one stream; which tile runs first, and where it reads {@code b}'s values
 * from, changes no element's sum.
 *
 * <p>{@link PortableRowProduct} gives the same bits in plain Java: any change to the order of
 * operations or to the steps skipped must be made to both.
 *
 * <p>Only one species is used throughout: mixing vector sizes in one process pollutes the type
 * profile of the Vector API's shared methods, and C2 then falls back to allocating scalar code
 * (an epoch ran about ten times slower with two).
 *
 * <p>Loaded only when the incubator module is present (see {@link KernelChoice}).
 */
final class VectorRowProduct implements RowProduct {

    private static final VectorSpecies<Float> WIDE = FloatVector.SPECIES_PREFERRED;
    private static final int W = WIDE.length();

    /** Row blocks of four whose non-zero depth lists are kept at once: 256 rows, a batch or more. */
    private static final int GROUP_BLOCKS = 64;
    /**
     * About how many bytes of {@code b} one pass over a group's rows reads, so that the columns
     * of a pass stay in a core's L2 (512 KiB on Zen 3, 1-2 MiB on recent Intel) while every row
     * block of the group runs over them, instead of streaming all of {@code b} from L3 or memory
     * for each block of four rows (a 784×800 layer's weights are 2.5 MB). On Zen 3, 128 KiB was
     * faster than a whole-width pass and no slower than 64 or 192 KiB.
     */
    private static final int PASS_BYTES = 128 * 1024;

    private int[] depths = new int[0];
    private final int[][] groupDepths = new int[GROUP_BLOCKS][0];
    private final int[] groupCounts = new int[GROUP_BLOCKS];
    private float[] padded = new float[0];
    private float[] panel = new float[0];
    private final float[] narrowTile = new float[4 * W];
    private final float[] lanes = new float[W];

    @Override
    public int vectorBits() {
        return WIDE.vectorBitSize();
    }

    @Override
    public void product(float[] a, int rowStride, int depthStride, float[] b, float[] c, int from, int to,
                        int depth, int n) {
        if (depths.length < depth) {
            depths = new int[depth];
        }
        if (n < W) {
            narrowProduct(a, rowStride, depthStride, b, c, from, to, depth, n);
            return;
        }
        int r = from;
        while (r + 4 <= to) {
            int blocks = Math.min(GROUP_BLOCKS, (to - r) / 4);
            blockedTiles(a, rowStride, depthStride, b, c, r, blocks, depth, n);
            r += 4 * blocks;
        }
        for (; r < to; r++) {
            int count = PortableRowProduct.loneRowNonZeros(a, r * rowStride, depthStride, depth, depths);
            int j = 0;
            for (; j + 4 * W <= n; j += 4 * W) {
                row1x4(a, r * rowStride, depthStride, b, n, j, depths, count, c, r * n + j);
            }
            for (; j + W <= n; j += W) {
                row1x1(a, r * rowStride, depthStride, b, n, j, depths, count, c, r * n + j);
            }
            if (j < n) {
                // The last columns as a vector overlapping the previous one, recomputed bit-identically.
                row1x1(a, r * rowStride, depthStride, b, n, n - W, depths, count, c, r * n + n - W);
            }
        }
    }

    /**
     * {@code blocks} blocks of four rows from {@code r}, across all columns. The full-width
     * tiles run column pass by column pass: within a pass, every block of the group takes the same
     * few hundred kilobytes of {@code b}, which then stay in cache. Each output element is still
     * one tile's ascending chain of multiply-adds, so the order of passes changes no bit.
     */
    private void blockedTiles(float[] a, int rs, int ds, float[] b, float[] c, int r, int blocks, int depth, int n) {
        int busiest = 0;
        for (int k = 0; k < blocks; k++) {
            if (groupDepths[k].length < depth) {
                groupDepths[k] = new int[depth];
            }
            groupCounts[k] = nonZeroDepths(a, rs, ds, r + 4 * k, depth, groupDepths[k]);
            busiest = Math.max(busiest, groupCounts[k]);
        }
        int strip = 3 * W;
        int strips = n / strip;
        // A strip of b is copied into a panel only where its rows are far apart and it is read
        // again: a lone block, or a b small enough to stay in cache as it is, reads b where it is
        // (a 100×30 layer's products ran 5-15% slower packed).
        boolean packed = blocks > 1 && (long) depth * n * Float.BYTES > PASS_BYTES;
        // A panel holds every depth step of its strips, so a pass is sized by depth (which also
        // bounds the panel's memory); unpacked, only the listed steps are read.
        int stripsPerPass = Math.max(1, PASS_BYTES / (Math.max(1, packed ? depth : busiest) * strip * Float.BYTES));
        int panelSize = depth * strip;
        for (int first = 0; first < strips; first += stripsPerPass) {
            int last = Math.min(strips, first + stripsPerPass);
            if (packed) {
                if (panel.length < (last - first) * panelSize) {
                    panel = new float[(last - first) * panelSize];
                }
                for (int s = first; s < last; s++) {
                    pack(b, n, s * strip, depth, panel, (s - first) * panelSize);
                }
            }
            // Where each strip's depth steps start and how far apart they are: in the panel, or in b.
            float[] source = packed ? panel : b;
            int bStride = packed ? strip : n;
            for (int k = 0; k < blocks; k++) {
                for (int s = first; s < last; s++) {
                    int at = packed ? (s - first) * panelSize : s * strip;
                    tile4x3(a, rs, ds, source, at, bStride, c, r + 4 * k, groupDepths[k], groupCounts[k], n, s * strip);
                }
            }
        }
        int j = strips * strip;
        for (int k = 0; k < blocks; k++) {
            edgeTiles(a, rs, ds, b, c, r + 4 * k, groupDepths[k], groupCounts[k], n, j);
        }
    }

    /**
     * Columns {@code j..j+3W-1} of {@code b}, every depth, into {@code panel} from {@code at}, row
     * after row: a tile then reads its strip of {@code b} as one sequential stream instead of three
     * vectors a whole row of {@code b} apart (a new page nearly every step for an 800-wide layer).
     */
    private static void pack(float[] b, int n, int j, int depth, float[] panel, int at) {
        for (int d = 0; d < depth; d++) {
            System.arraycopy(b, d * n + j, panel, at + d * 3 * W, 3 * W);
        }
    }

    /** The columns from {@code j} that do not fill three vectors, for rows {@code r..r+3}. */
    private static void edgeTiles(float[] a, int rs, int ds, float[] b, float[] c, int r, int[] depths, int count, int n, int j) {
        // The last columns as vectors overlapping the previous ones: the overlap is recomputed
        // bit-identically (same steps, same order), which beats scalar tails.
        if (n - j > 2 * W && n >= 3 * W) {
            tile4x3(a, rs, ds, b, n - 3 * W, n, c, r, depths, count, n, n - 3 * W);
            return;
        }
        if (n - j > 2 * W) {
            // Fewer than three vectors of columns in all: two here, the rest below.
            tile4x2(a, rs, ds, b, c, r, depths, count, n, j, j + W);
            j += 2 * W;
        }
        if (n - j > W) {
            tile4x2(a, rs, ds, b, c, r, depths, count, n, j, n - W);
        } else if (j < n) {
            tile4x1(a, rs, ds, b, c, r, depths, count, n, n - W, r);
        }
    }

    /**
     * Fewer columns than one vector (an output layer of 10 classes): b is copied into rows padded
     * to one vector, tiles compute a full vector per row into scratch, and the real columns are
     * copied out. The padding costs {@code depth×W} copies against {@code rows×depth×W} work.
     */
    private void narrowProduct(float[] a, int rowStride, int depthStride, float[] b, float[] c, int from, int to,
                               int depth, int n) {
        if (padded.length < depth * W) {
            padded = new float[depth * W];
        }
        for (int d = 0; d < depth; d++) {
            System.arraycopy(b, d * n, padded, d * W, n);
        }
        int r = from;
        for (; r + 4 <= to; r += 4) {
            int count = nonZeroDepths(a, rowStride, depthStride, r, depth, depths);
            tile4x1(a, rowStride, depthStride, padded, narrowTile, r, depths, count, W, 0, 0);
            for (int q = 0; q < 4; q++) {
                System.arraycopy(narrowTile, q * W, c, (r + q) * n, n);
            }
        }
        for (; r < to; r++) {
            int count = PortableRowProduct.loneRowNonZeros(a, r * rowStride, depthStride, depth, depths);
            row1x1(a, r * rowStride, depthStride, padded, W, 0, depths, count, narrowTile, 0);
            System.arraycopy(narrowTile, 0, c, r * n, n);
        }
    }

    /**
     * Lists, ascending, the depth steps where any of rows {@code r..r+3} is non-zero: the tiles
     * then loop over this list without a branch, which keeps C2's vector intrinsics intact.
     */
    int nonZeroDepths(float[] a, int rs, int ds, int r, int depth, int[] depths) {
        int count = 0;
        int a0 = r * rs;
        int d = 0;
        if (ds == 1) {
            // Rows run along depth (X·W): a vector of steps of all four rows at once. The sum of
            // absolute values is zero exactly where all four are (NaN and overflow stay non-zero).
            // Its lanes are tested in scalar code: JDK 17 does not intrinsify VectorMask.or or
            // toLong, and their fallbacks allocate on every call. Each step is written, then kept
            // or overwritten by advancing the count or not.
            for (; d + W <= depth; d += W) {
                int at = a0 + d;
                FloatVector.fromArray(WIDE, a, at).abs()
                        .add(FloatVector.fromArray(WIDE, a, at + rs).abs())
                        .add(FloatVector.fromArray(WIDE, a, at + 2 * rs).abs())
                        .add(FloatVector.fromArray(WIDE, a, at + 3 * rs).abs())
                        .intoArray(lanes, 0);
                for (int lane = 0; lane < W; lane++) {
                    depths[count] = d + lane;
                    count += PortableRowProduct.nonZero(Float.floatToRawIntBits(lanes[lane]));
                }
            }
        }
        // The same list as the portable kernel's, which it must match step for step.
        return PortableRowProduct.nonZeroDepths(a, rs, ds, r, d, depth, depths, count);
    }

    /** Rows {@code r..r+3} at the two column vectors starting at {@code j0} and {@code j1}. */
    private static void tile4x2(float[] a, int rs, int ds, float[] b, float[] c, int r, int[] depths, int count,
                                int n, int j0, int j1) {
        FloatVector c00 = FloatVector.zero(WIDE);
        FloatVector c01 = FloatVector.zero(WIDE);
        FloatVector c10 = FloatVector.zero(WIDE);
        FloatVector c11 = FloatVector.zero(WIDE);
        FloatVector c20 = FloatVector.zero(WIDE);
        FloatVector c21 = FloatVector.zero(WIDE);
        FloatVector c30 = FloatVector.zero(WIDE);
        FloatVector c31 = FloatVector.zero(WIDE);
        int a0 = r * rs;
        for (int t = 0; t < count; t++) {
            int d = depths[t];
            int ad = a0 + d * ds;
            float x0 = a[ad];
            float x1 = a[ad + rs];
            float x2 = a[ad + 2 * rs];
            float x3 = a[ad + 3 * rs];
            FloatVector b0 = FloatVector.fromArray(WIDE, b, d * n + j0);
            FloatVector b1 = FloatVector.fromArray(WIDE, b, d * n + j1);
            FloatVector v0 = FloatVector.broadcast(WIDE, x0);
            c00 = b0.fma(v0, c00);
            c01 = b1.fma(v0, c01);
            FloatVector v1 = FloatVector.broadcast(WIDE, x1);
            c10 = b0.fma(v1, c10);
            c11 = b1.fma(v1, c11);
            FloatVector v2 = FloatVector.broadcast(WIDE, x2);
            c20 = b0.fma(v2, c20);
            c21 = b1.fma(v2, c21);
            FloatVector v3 = FloatVector.broadcast(WIDE, x3);
            c30 = b0.fma(v3, c30);
            c31 = b1.fma(v3, c31);
        }
        int row = r * n;
        c00.intoArray(c, row + j0);
        c01.intoArray(c, row + j1);
        c10.intoArray(c, row + n + j0);
        c11.intoArray(c, row + n + j1);
        c20.intoArray(c, row + 2 * n + j0);
        c21.intoArray(c, row + 2 * n + j1);
        c30.intoArray(c, row + 3 * n + j0);
        c31.intoArray(c, row + 3 * n + j1);
    }

    /**
     * Rows {@code r..r+3} at three adjacent column vectors from {@code j}: twelve accumulators,
     * three loads of b and four broadcasts per depth step, which fills AVX2's sixteen registers
     * and gives each step's fixed costs (its index, the four values of a) twelve multiply-adds.
     * Depth step {@code d}'s three vectors of b start at {@code b[bAt + d·bStride]}: b itself, or a packed panel.
     */
    private static void tile4x3(float[] a, int rs, int ds, float[] b, int bAt, int bStride, float[] c, int r, int[] depths,
                                int count, int n, int j) {
        FloatVector c00 = FloatVector.zero(WIDE);
        FloatVector c01 = FloatVector.zero(WIDE);
        FloatVector c02 = FloatVector.zero(WIDE);
        FloatVector c10 = FloatVector.zero(WIDE);
        FloatVector c11 = FloatVector.zero(WIDE);
        FloatVector c12 = FloatVector.zero(WIDE);
        FloatVector c20 = FloatVector.zero(WIDE);
        FloatVector c21 = FloatVector.zero(WIDE);
        FloatVector c22 = FloatVector.zero(WIDE);
        FloatVector c30 = FloatVector.zero(WIDE);
        FloatVector c31 = FloatVector.zero(WIDE);
        FloatVector c32 = FloatVector.zero(WIDE);
        int a0 = r * rs;
        for (int t = 0; t < count; t++) {
            int d = depths[t];
            int ad = a0 + d * ds;
            int bd = bAt + d * bStride;
            FloatVector b0 = FloatVector.fromArray(WIDE, b, bd);
            FloatVector b1 = FloatVector.fromArray(WIDE, b, bd + W);
            FloatVector b2 = FloatVector.fromArray(WIDE, b, bd + 2 * W);
            FloatVector v0 = FloatVector.broadcast(WIDE, a[ad]);
            c00 = b0.fma(v0, c00);
            c01 = b1.fma(v0, c01);
            c02 = b2.fma(v0, c02);
            FloatVector v1 = FloatVector.broadcast(WIDE, a[ad + rs]);
            c10 = b0.fma(v1, c10);
            c11 = b1.fma(v1, c11);
            c12 = b2.fma(v1, c12);
            FloatVector v2 = FloatVector.broadcast(WIDE, a[ad + 2 * rs]);
            c20 = b0.fma(v2, c20);
            c21 = b1.fma(v2, c21);
            c22 = b2.fma(v2, c22);
            FloatVector v3 = FloatVector.broadcast(WIDE, a[ad + 3 * rs]);
            c30 = b0.fma(v3, c30);
            c31 = b1.fma(v3, c31);
            c32 = b2.fma(v3, c32);
        }
        int row = r * n + j;
        c00.intoArray(c, row);
        c01.intoArray(c, row + W);
        c02.intoArray(c, row + 2 * W);
        c10.intoArray(c, row + n);
        c11.intoArray(c, row + n + W);
        c12.intoArray(c, row + n + 2 * W);
        c20.intoArray(c, row + 2 * n);
        c21.intoArray(c, row + 2 * n + W);
        c22.intoArray(c, row + 2 * n + 2 * W);
        c30.intoArray(c, row + 3 * n);
        c31.intoArray(c, row + 3 * n + W);
        c32.intoArray(c, row + 3 * n + 2 * W);
    }

    private static void tile4x1(float[] a, int rs, int ds, float[] b, float[] c, int r, int[] depths, int count,
                                int n, int j, int firstRowOfC) {
        FloatVector c0 = FloatVector.zero(WIDE);
        FloatVector c1 = FloatVector.zero(WIDE);
        FloatVector c2 = FloatVector.zero(WIDE);
        FloatVector c3 = FloatVector.zero(WIDE);
        int a0 = r * rs;
        for (int t = 0; t < count; t++) {
            int d = depths[t];
            int ad = a0 + d * ds;
            float x0 = a[ad];
            float x1 = a[ad + rs];
            float x2 = a[ad + 2 * rs];
            float x3 = a[ad + 3 * rs];
            FloatVector bv = FloatVector.fromArray(WIDE, b, d * n + j);
            c0 = bv.fma(FloatVector.broadcast(WIDE, x0), c0);
            c1 = bv.fma(FloatVector.broadcast(WIDE, x1), c1);
            c2 = bv.fma(FloatVector.broadcast(WIDE, x2), c2);
            c3 = bv.fma(FloatVector.broadcast(WIDE, x3), c3);
        }
        int cr = firstRowOfC * n + j;
        c0.intoArray(c, cr);
        c1.intoArray(c, cr + n);
        c2.intoArray(c, cr + 2 * n);
        c3.intoArray(c, cr + 3 * n);
    }

    /**
     * One row (a single image, or the last rows of a batch) at four column vectors starting at
     * {@code j}: each lane is the same ascending chain of fused multiply-adds as in the 4-row
     * tiles, so a row's result does not depend on which rows it was computed with.
     */
    private static void row1x4(float[] a, int a0, int ds, float[] b, int bStride, int j, int[] depths, int count,
                               float[] c, int at) {
        FloatVector s0 = FloatVector.zero(WIDE);
        FloatVector s1 = FloatVector.zero(WIDE);
        FloatVector s2 = FloatVector.zero(WIDE);
        FloatVector s3 = FloatVector.zero(WIDE);
        for (int t = 0; t < count; t++) {
            int d = depths[t];
            FloatVector x = FloatVector.broadcast(WIDE, a[a0 + d * ds]);
            int bd = d * bStride + j;
            s0 = FloatVector.fromArray(WIDE, b, bd).fma(x, s0);
            s1 = FloatVector.fromArray(WIDE, b, bd + W).fma(x, s1);
            s2 = FloatVector.fromArray(WIDE, b, bd + 2 * W).fma(x, s2);
            s3 = FloatVector.fromArray(WIDE, b, bd + 3 * W).fma(x, s3);
        }
        s0.intoArray(c, at);
        s1.intoArray(c, at + W);
        s2.intoArray(c, at + 2 * W);
        s3.intoArray(c, at + 3 * W);
    }

    /** One row at one column vector starting at {@code j}, like {@link #row1x4}. */
    private static void row1x1(float[] a, int a0, int ds, float[] b, int bStride, int j, int[] depths, int count,
                               float[] c, int at) {
        FloatVector sum = FloatVector.zero(WIDE);
        for (int t = 0; t < count; t++) {
            int d = depths[t];
            sum = FloatVector.fromArray(WIDE, b, d * bStride + j).fma(FloatVector.broadcast(WIDE, a[a0 + d * ds]), sum);
        }
        sum.intoArray(c, at);
    }

}

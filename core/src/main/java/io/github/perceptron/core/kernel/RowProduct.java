package io.github.perceptron.core.kernel;

/**
 * The one loop nest every product shape reduces to: rows {@code [from, to)} of
 * {@code c[rows×n] = A·b}, where {@code A(r, d) = a[r·rowStride + d·depthStride]} and {@code b} is
 * {@code depth×n} row-major. Each output element must be summed over {@code d} in ascending order
 * by the same code whatever the row range, so splitting rows between threads (at multiples of 4)
 * changes no bit. Implementations keep scratch space: one instance per thread.
 */
interface RowProduct {

    void product(float[] a, int rowStride, int depthStride, float[] b, float[] c, int from, int to, int depth, int n);

    /** The width of the SIMD vectors it computes with, in bits; 0 for scalar code. */
    default int vectorBits() {
        return 0;
    }
}

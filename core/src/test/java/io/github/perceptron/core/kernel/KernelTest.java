package io.github.perceptron.core.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.perceptron.core.random.SeededRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Both kernels against textbook triple loops in double, on shapes that exercise every tile and
 * tail, with zeros in the left operand (which the kernels skip).
 */
class KernelTest {

    static Stream<Arguments> kernels() {
        return Stream.of(1, 3).flatMap(threads -> Stream.of(
                        new RowSplittingKernel(threads, PortableRowProduct::new), new RowSplittingKernel(threads, KernelChoice::vectorProduct)))
                .flatMap(kernel -> Stream.of(Arguments.of(kernel, 7, 13, 5), Arguments.of(kernel, 9, 37, 70),
                        Arguments.of(kernel, 100, 30, 10), Arguments.of(kernel, 130, 784, 33)));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void every_thread_count_gives_the_same_bits(boolean vector) {
        int m = 102;
        int k = 300;
        int n = 45;
        float[] a = random(m * k, 8, true);
        float[] b = random(k * n, 9, false);
        float[][] results = new float[5][];
        for (int threads = 1; threads <= 4; threads++) {
            MatrixKernel kernel = new RowSplittingKernel(threads, vector ? KernelChoice::vectorProduct : PortableRowProduct::new);
            float[] c = new float[m * n];
            float[] ct = new float[k * n];
            float[] cb = new float[m * k];
            kernel.multiply(a, b, c, m, k, n);
            kernel.multiplyTransposedA(a, c, ct, m, k, n);
            kernel.multiplyTransposedB(c, b, cb, m, n, k);
            results[threads] = concat(c, ct, cb);
        }
        for (int threads = 2; threads <= 4; threads++) {
            assertThat(results[threads]).as("%d threads", threads).isEqualTo(results[1]);
        }
    }

    private static float[] concat(float[]... parts) {
        float[] all = new float[java.util.Arrays.stream(parts).mapToInt(p -> p.length).sum()];
        int at = 0;
        for (float[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void multiply_matches_the_definition(MatrixKernel kernel, int m, int k, int n) {
        float[] a = random(m * k, 1, true);
        float[] b = random(k * n, 2, false);
        float[] c = filled(m * n);
        kernel.multiply(a, b, c, m, k, n);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int p = 0; p < k; p++) {
                    sum += a[i * k + p] * b[p * n + j];
                }
                assertThat((double) c[i * n + j]).isCloseTo(sum, within(1e-4 * Math.max(1, Math.abs(sum))));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void multiply_transposed_a_matches_the_definition(MatrixKernel kernel, int m, int k, int n) {
        float[] a = random(m * k, 3, true);
        float[] b = random(m * n, 4, false);
        float[] c = filled(k * n);
        kernel.multiplyTransposedA(a, b, c, m, k, n);
        for (int p = 0; p < k; p++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int i = 0; i < m; i++) {
                    sum += a[i * k + p] * b[i * n + j];
                }
                assertThat((double) c[p * n + j]).isCloseTo(sum, within(1e-4 * Math.max(1, Math.abs(sum))));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void multiply_transposed_b_matches_the_definition(MatrixKernel kernel, int m, int k, int n) {
        float[] a = random(m * n, 5, false);
        float[] b = random(k * n, 6, false);
        float[] c = filled(m * k);
        kernel.multiplyTransposedB(a, b, c, m, n, k);
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < k; p++) {
                double sum = 0;
                for (int j = 0; j < n; j++) {
                    sum += a[i * n + j] * b[p * n + j];
                }
                assertThat((double) c[i * k + p]).isCloseTo(sum, within(1e-4 * Math.max(1, Math.abs(sum))));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void bias_rows_and_column_sums(MatrixKernel kernel, int unusedM, int unusedK, int unusedN) {
        float[] c = {1, 2, 3, 4, 5, 6};
        kernel.addToRows(c, new float[] {10, 20, 30}, 0, 2, 3);
        assertThat(c).containsExactly(11, 22, 33, 14, 25, 36);
        float[] sums = {9, 9, 9};
        kernel.sumColumns(c, sums, 2, 3);
        assertThat(sums).containsExactly(25, 47, 69);
    }

    /**
     * Every element of every product is the sum of its products in ascending order of the shared
     * dimension, fused, in both kernels: whatever the tile (one, two or three vectors wide,
     * overlapping at the edges) and however the input gradient is rearranged (cᵀ = b·aᵀ).
     */
    @ParameterizedTest
    @MethodSource("widthsAndKernels")
    void each_element_is_its_ascending_fused_sum_exactly(int n, boolean vector) {
        int m = 23;
        int k = 37;
        MatrixKernel kernel = new RowSplittingKernel(3, vector ? KernelChoice::vectorProduct : PortableRowProduct::new);
        float[] a = random(m * k, 11, true);
        float[] b = random(k * n, 12, false);
        float[] c = filled(m * n);
        kernel.multiply(a, b, c, m, k, n);
        float[] ct = filled(k * n);
        kernel.multiplyTransposedA(a, c, ct, m, k, n);
        float[] cb = filled(m * k);
        kernel.multiplyTransposedB(c, b, cb, m, n, k);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float sum = 0f;
                for (int d = 0; d < k; d++) {
                    sum = Math.fma(a[i * k + d], b[d * n + j], sum);
                }
                assertThat(c[i * n + j]).as("c[%d][%d]", i, j).isEqualTo(sum);
            }
        }
        for (int p = 0; p < k; p++) {
            for (int j = 0; j < n; j++) {
                float sum = 0f;
                for (int i = 0; i < m; i++) {
                    sum = Math.fma(a[i * k + p], c[i * n + j], sum);
                }
                assertThat(ct[p * n + j]).as("aᵀc[%d][%d]", p, j).isEqualTo(sum);
            }
        }
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < k; p++) {
                float sum = 0f;
                for (int j = 0; j < n; j++) {
                    sum = Math.fma(c[i * n + j], b[p * n + j], sum);
                }
                assertThat(cb[i * k + p]).as("cbᵀ[%d][%d]", i, p).isEqualTo(sum);
            }
        }
    }

    static Stream<Arguments> widthsAndKernels() {
        return Stream.of(5, 16, 40, 70, 100, 130).flatMap(n -> Stream.of(Arguments.of(n, true), Arguments.of(n, false)));
    }

    /**
     * The two kernels agree to the bit, signed zeros included: the left operand holds -0, +0 and
     * subnormals (whose products underflow to a signed zero, the one case where skipping a zero
     * step and fusing it differ), on every shape: narrow outputs, lone rows and row splits, and
     * products wide and deep enough that the vector kernel runs its columns in several passes
     * over more rows than it lists at once (300×784×130).
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void the_portable_kernel_gives_the_vector_kernels_bits(int threads) {
        MatrixKernel vector = new RowSplittingKernel(threads, KernelChoice::vectorProduct);
        MatrixKernel portable = new RowSplittingKernel(threads, PortableRowProduct::new);
        int[][] shapes = {{1, 5, 3}, {7, 13, 5}, {9, 37, 70}, {102, 300, 45}, {130, 784, 33}, {6, 64, 10}, {33, 50, 130}, {300, 784, 130}};
        for (int[] shape : shapes) {
            int m = shape[0];
            int k = shape[1];
            int n = shape[2];
            float[] a = awkward(m * k, 21);
            float[] b = awkward(k * n, 22);
            float[] bt = awkward(m * n, 23);
            assertThat(bits(products(vector, a, b, bt, m, k, n)))
                    .as("%d×%d×%d on %d threads", m, k, n, threads)
                    .isEqualTo(bits(products(portable, a, b, bt, m, k, n)));
        }
    }

    private static float[] products(MatrixKernel kernel, float[] a, float[] b, float[] bt, int m, int k, int n) {
        float[] c = filled(m * n);
        float[] ct = filled(k * n);
        float[] cb = filled(m * k);
        kernel.multiply(a, b, c, m, k, n);
        kernel.multiplyTransposedA(a, bt, ct, m, k, n);
        kernel.multiplyTransposedB(bt, b, cb, m, n, k);
        return concat(c, ct, cb);
    }

    private static int[] bits(float[] values) {
        int[] bits = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Float.floatToRawIntBits(values[i]);
        }
        return bits;
    }

    /** Mostly ±0, with subnormals, tiny and ordinary values of both signs. */
    private static float[] awkward(int n, long seed) {
        SeededRandom random = new SeededRandom(seed);
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            float sign = random.nextBoolean() ? -1f : 1f;
            switch (random.nextInt(6)) {
                case 0, 1 -> values[i] = sign * 0f;
                case 2 -> values[i] = sign * Float.MIN_VALUE * (1 + random.nextInt(100));
                case 3 -> values[i] = sign * 1e-30f * random.nextFloat();
                default -> values[i] = (float) random.nextGaussian();
            }
        }
        return values;
    }

    /** Stale values in the output must not leak into the product. */
    private static float[] filled(int n) {
        float[] c = new float[n];
        java.util.Arrays.fill(c, 42f);
        return c;
    }

    private static float[] random(int n, long seed, boolean sparse) {
        SeededRandom random = new SeededRandom(seed);
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = sparse && random.nextInt(3) == 0 ? 0f : (float) random.nextGaussian();
        }
        return values;
    }
}

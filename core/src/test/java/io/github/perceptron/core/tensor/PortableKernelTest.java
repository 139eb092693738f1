package io.github.perceptron.core.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.perceptron.core.random.SeededRandom;
import org.junit.jupiter.api.Test;

/** The kernel against textbook triple loops in double, on odd shapes and with zeros in the left operand. */
class PortableKernelTest {

    private static final int M = 7;
    private static final int K = 13;
    private static final int N = 5;

    private final MatrixKernel kernel = Kernels.create();

    @Test
    void multiply_matches_the_definition() {
        float[] a = random(M * K, 1, true);
        float[] b = random(K * N, 2, false);
        float[] c = filled(M * N);
        kernel.multiply(a, b, c, M, K, N);
        for (int i = 0; i < M; i++) {
            for (int j = 0; j < N; j++) {
                double sum = 0;
                for (int p = 0; p < K; p++) {
                    sum += a[i * K + p] * b[p * N + j];
                }
                assertThat((double) c[i * N + j]).isCloseTo(sum, within(1e-5));
            }
        }
    }

    @Test
    void multiply_transposed_a_matches_the_definition() {
        float[] a = random(M * K, 3, true);
        float[] b = random(M * N, 4, false);
        float[] c = filled(K * N);
        kernel.multiplyTransposedA(a, b, c, M, K, N);
        for (int p = 0; p < K; p++) {
            for (int j = 0; j < N; j++) {
                double sum = 0;
                for (int i = 0; i < M; i++) {
                    sum += a[i * K + p] * b[i * N + j];
                }
                assertThat((double) c[p * N + j]).isCloseTo(sum, within(1e-5));
            }
        }
    }

    @Test
    void multiply_transposed_b_matches_the_definition() {
        float[] a = random(M * N, 5, false);
        float[] b = random(K * N, 6, false);
        float[] c = filled(M * K);
        kernel.multiplyTransposedB(a, b, c, M, N, K);
        for (int i = 0; i < M; i++) {
            for (int p = 0; p < K; p++) {
                double sum = 0;
                for (int j = 0; j < N; j++) {
                    sum += a[i * N + j] * b[p * N + j];
                }
                assertThat((double) c[i * K + p]).isCloseTo(sum, within(1e-5));
            }
        }
    }

    @Test
    void bias_rows_and_column_sums() {
        float[] c = {1, 2, 3, 4, 5, 6};
        kernel.addToRows(c, new float[] {10, 20, 30}, 2, 3);
        assertThat(c).containsExactly(11, 22, 33, 14, 25, 36);
        float[] sums = {9, 9, 9};
        kernel.sumColumns(c, sums, 2, 3);
        assertThat(sums).containsExactly(25, 47, 69);
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

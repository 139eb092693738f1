package io.github.perceptron.core.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The products a step region's tasks compute on their shares (rows of the batch, rows of a weight
 * matrix, columns of a bias) give the bits of the whole products, on both kernels: with signed
 * zeros, blank inputs and shares that are not a multiple of a vector.
 */
class RowRangeProductsTest {

    private static final int M = 37;
    private static final int K = 29;
    private static final int N = 21;

    @ParameterizedTest(name = "vector kernel: {0}")
    @ValueSource(booleans = {true, false})
    void each_share_gives_the_whole_products_bits(boolean vector) {
        MatrixKernel kernel = new RowSplittingKernel(3, vector ? KernelChoice::vectorProduct : PortableRowProduct::new);
        Random random = new Random(7);
        float[] x = sparse(random, M * K);
        float[] w = sparse(random, K * N);
        float[] dz = sparse(random, M * N);

        float[] forward = new float[M * N];
        kernel.multiply(x, w, forward, M, K, N);
        float[] weightGradient = new float[K * N];
        kernel.multiplyTransposedA(x, dz, weightGradient, M, K, N);
        float[] inputGradient = new float[M * K];
        kernel.multiplyTransposedB(dz, w, inputGradient, M, N, K);
        float[] biasGradient = new float[N];
        kernel.sumColumns(dz, biasGradient, M, N);

        float[] forwardShares = new float[M * N];
        float[] weightShares = new float[K * N];
        float[] inputShares = new float[M * K];
        float[] biasShares = new float[N];
        int tasks = 3;
        for (int t = 0; t < tasks; t++) {
            kernel.multiplyRows(x, w, forwardShares, StepRegion.start(M, t, tasks), StepRegion.start(M, t + 1, tasks), K, N, t);
            kernel.multiplyTransposedARows(x, dz, weightShares, M, K, N, StepRegion.start(K, t, tasks),
                    StepRegion.start(K, t + 1, tasks), t);
            kernel.multiplyTransposedBRows(dz, w, inputShares, StepRegion.start(M, t, tasks),
                    StepRegion.start(M, t + 1, tasks), N, K, t);
            kernel.sumColumns(dz, biasShares, M, N, StepRegion.columnStart(N, t, tasks),
                    StepRegion.columnStart(N, t + 1, tasks));
        }
        assertThat(bits(forwardShares)).isEqualTo(bits(forward));
        assertThat(bits(weightShares)).isEqualTo(bits(weightGradient));
        assertThat(bits(inputShares)).isEqualTo(bits(inputGradient));
        assertThat(bits(biasShares)).isEqualTo(bits(biasGradient));
    }

    /** Values with blank stretches and negative zeros, as a batch's margins and a ReLU's gradient have. */
    private static float[] sparse(Random random, int length) {
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            double u = random.nextDouble();
            values[i] = u < 0.4 ? 0f : u < 0.5 ? -0f : (float) random.nextGaussian();
        }
        return values;
    }

    private static int[] bits(float[] values) {
        int[] bits = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Float.floatToRawIntBits(values[i]);
        }
        return bits;
    }
}

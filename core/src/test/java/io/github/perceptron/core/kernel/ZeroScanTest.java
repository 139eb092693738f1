package io.github.perceptron.core.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.perceptron.core.random.SeededRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The vector product's list of depth steps to visit: exactly where any of a tile's four rows is not ±0. */
class ZeroScanTest {

    private static final float[] SPECIAL = {-0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
        Float.MAX_VALUE, -Float.MAX_VALUE, Float.MIN_VALUE, 1f};

    @Test
    void lists_every_step_where_a_row_is_non_zero_and_no_other() {
        VectorRowProduct product = (VectorRowProduct) KernelChoice.vectorProduct();
        SeededRandom random = new SeededRandom(5);
        for (int depth : new int[] {1, 7, 16, 33, 100, 784}) {
            for (boolean alongDepth : new boolean[] {true, false}) {
                float[] a = new float[4 * depth];
                for (int i = 0; i < a.length; i++) {
                    // Mostly zeros, with every awkward value somewhere: -0 must count as zero;
                    // NaN, infinities and values whose absolute sum overflows must not.
                    a[i] = random.nextInt(4) == 0 ? SPECIAL[random.nextInt(SPECIAL.length)] : 0f;
                }
                int rs = alongDepth ? depth : 1;
                int ds = alongDepth ? 1 : 4;
                int[] depths = new int[depth];
                int count = product.nonZeroDepths(a, rs, ds, 0, depth, depths);
                assertThat(Arrays.copyOf(depths, count)).as("depth %d, along depth %s", depth, alongDepth)
                        .containsExactly(expected(a, rs, ds, depth));
            }
        }
    }

    private static int[] expected(float[] a, int rs, int ds, int depth) {
        List<Integer> steps = new ArrayList<>();
        for (int d = 0; d < depth; d++) {
            for (int q = 0; q < 4; q++) {
                float value = a[q * rs + d * ds];
                if (value != 0f || Float.isNaN(value)) {
                    steps.add(d);
                    break;
                }
            }
        }
        return steps.stream().mapToInt(Integer::intValue).toArray();
    }
}

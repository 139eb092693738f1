package io.github.perceptron.core.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.perceptron.core.random.SeededRandom;
import org.junit.jupiter.api.Test;

/**
 * The software fused multiply-add against {@link Math#fma} on this machine's instruction (the JDK
 * defines it as correctly rounded): ordinary values, values whose exact sum lies near a halfway
 * point between floats (where a double rounding would go wrong), cancellations, subnormal results,
 * overflow, signed zeros, infinities and NaN.
 */
class FusedMultiplyAddTest {

    private static final float[] SPECIAL = {0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL,
        Float.MAX_VALUE, -Float.MAX_VALUE, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, 1f, -1f,
        0x1p-75f, 3f, 0x1.000002p0f, 0x1.fffffep-1f};

    @Test
    void gives_the_correctly_rounded_bits_on_random_operands_of_every_magnitude() {
        SeededRandom random = new SeededRandom(7);
        for (int i = 0; i < 3_000_000; i++) {
            float a = anyFloat(random);
            float b = anyFloat(random);
            float c = anyFloat(random);
            assertSame(a, b, c);
        }
    }

    @Test
    void gives_the_correctly_rounded_bits_where_the_exact_sum_is_near_a_halfway_point() {
        SeededRandom random = new SeededRandom(8);
        for (int i = 0; i < 2_000_000; i++) {
            // a·b within a few parts in 2^29 of half an ulp of c: the exact sum then lies a hair
            // from the halfway point between two floats, below double's precision, where rounding
            // to double first and then to float would land on the halfway point and round wrong.
            float c = 1f + random.nextInt(1 << 23) * 0x1p-23f;
            float a = 1f + random.nextInt(1 << 23) * 0x1p-23f;
            float b = (float) (0x1p-24 / a);
            int scale = random.nextInt(200) - 100;
            assertSame(a, b * 0x1p0f, c);
            assertSame(a, -b, c);
            assertSame(Math.scalb(a, scale), b, Math.scalb(c, scale));
            // Cancellations: c takes away the top of a·b.
            float d = -(float) ((double) a * b) + (random.nextInt(5) - 2) * Math.ulp((float) ((double) a * b)) * 0.5f;
            assertSame(a, b, d);
            assertSame(a * 0x1p-100f, b, d * 0x1p-100f);
        }
    }

    @Test
    void gives_fmas_special_values() {
        for (float a : SPECIAL) {
            for (float b : SPECIAL) {
                for (float c : SPECIAL) {
                    assertSame(a, b, c);
                }
            }
        }
    }

    private static void assertSame(float a, float b, float c) {
        float expected = Math.fma(a, b, c);
        float actual = FusedMultiplyAdd.emulated(a, b, c);
        if (Float.floatToRawIntBits(actual) != Float.floatToRawIntBits(expected)
                && !(Float.isNaN(actual) && Float.isNaN(expected))) {
            assertThat(Float.toHexString(actual)).as("fma(%s, %s, %s)", Float.toHexString(a), Float.toHexString(b),
                    Float.toHexString(c)).isEqualTo(Float.toHexString(expected));
        }
    }

    /** Any finite float, exponents spread evenly, with a zero now and then. */
    private static float anyFloat(SeededRandom random) {
        int bits = random.nextInt();
        if ((bits & 0x7f800000) == 0x7f800000) {
            bits &= 0xbfffffff;
        }
        if (random.nextInt(50) == 0) {
            bits &= 0x80000000;
        }
        return Float.intBitsToFloat(bits);
    }
}

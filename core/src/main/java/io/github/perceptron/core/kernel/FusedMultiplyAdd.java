package io.github.perceptron.core.kernel;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;

/**
 * {@code a·b + c} rounded once, the step every product sums with, so that the portable kernel gives
 * the Vector API kernel's bits. {@link Math#fma} is one instruction where the JVM uses the CPU's
 * fused multiply-add; where it does not (x86 without FMA3, or {@code -XX:UseAVX=0}), the JDK
 * computes it with {@link java.math.BigDecimal}, about a thousand times slower, and {@link #emulated}
 * computes the same bits in a few double operations instead.
 */
final class FusedMultiplyAdd {

    /** Whether {@link Math#fma} runs on the CPU's instruction: decided once, a constant to C2. */
    static final boolean IN_HARDWARE = detectHardware();

    private FusedMultiplyAdd() {
    }

    /** {@code a·b + c} rounded once to float, the fastest exact way this JVM has. */
    static float fma(float a, float b, float c) {
        return IN_HARDWARE ? Math.fma(a, b, c) : emulated(a, b, c);
    }

    /**
     * {@code a·b + c} rounded once to float, in double arithmetic. The product of two floats is
     * exact in double, and the sum is rounded once to double: rounding that to float is then right
     * unless the double landed exactly on a point halfway between two floats (a double rounding),
     * or below float's normal range, where float has fewer bits. Those rare sums go to
     * {@link #roundedToOdd}.
     */
    static float emulated(float a, float b, float c) {
        double product = (double) a * (double) b;
        double sum = product + c;
        long bits = Double.doubleToRawLongBits(sum);
        // A float halfway point has a 1 just below float's last bit and zeros under it: 29 bits.
        if ((bits & 0x1fff_ffffL) != 0x1000_0000L && Math.abs(sum) >= Float.MIN_NORMAL) {
            return (float) sum;
        }
        return roundedToOdd(product, c, sum);
    }

    /**
     * The sum rounded to odd (the double nearest below in magnitude, with its last bit set whenever
     * the sum was inexact), from which one rounding to float gives the correctly rounded result,
     * since double carries more than 24 + 2 bits (Boldo and Melquiond, "Emulation of FMA and
     * correctly rounded sums: proved algorithms using rounding to odd", 2008).
     */
    private static float roundedToOdd(double product, float c, double sum) {
        if (!Double.isFinite(sum)) {
            // An infinity or NaN among the inputs: double gives fma's own special values.
            return (float) sum;
        }
        // The sum's rounding error, exactly (Knuth's TwoSum; nothing overflows from float inputs).
        double virtualC = sum - product;
        double error = (product - (sum - virtualC)) + (c - virtualC);
        if (error == 0) {
            return (float) sum;
        }
        long bits = Double.doubleToRawLongBits(sum);
        // Rounded away from zero when the error points back towards it: step one ulp in (the
        // magnitude bits, whatever the sign); then set the last bit.
        if ((error < 0) != (sum < 0)) {
            bits--;
        }
        return (float) Double.longBitsToDouble(bits | 1L);
    }

    /**
     * Asks HotSpot whether it uses the instruction ({@code UseFMA}). A quick timing of a few calls
     * answers first where the instruction is plainly there, so most starts skip the management
     * bean (about 30 ms); either answer changes only speed, never a bit.
     */
    private static boolean detectHardware() {
        if (quickProbeIsFast()) {
            return true;
        }
        try {
            HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            if (hotSpot != null) {
                return Boolean.parseBoolean(hotSpot.getVMOption("UseFMA").getValue());
            }
        } catch (RuntimeException | LinkageError e) {
            // Not HotSpot, or no jdk.management module in this runtime: go by the timing below.
        }
        return quickProbeIsFast() || quickProbeIsFast();
    }

    /**
     * 64 calls in under 25 µs. They run interpreted, at start: about 0.05 µs a call on the
     * instruction, against tens of µs through {@code BigDecimal}.
     */
    private static boolean quickProbeIsFast() {
        float sum = 0f;
        long start = System.nanoTime();
        for (int i = 0; i < 64; i++) {
            sum = Math.fma(1.1f + i, 0.3f, sum);
        }
        long elapsed = System.nanoTime() - start;
        return elapsed < 25_000 && sum > 0f;
    }
}

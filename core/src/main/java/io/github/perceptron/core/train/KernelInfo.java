package io.github.perceptron.core.train;

import io.github.perceptron.core.kernel.KernelChoice;
import java.util.Optional;

/**
 * Which matrix kernel this JVM computes with, and why: the Vector API ({@code vector}) or the
 * portable one, chosen once per JVM. Both give the same bits; only speed differs. For logs and
 * provenance.
 */
public final class KernelInfo {

    private KernelInfo() {
    }

    /**
     * {@code vector} (the Vector API) or {@code portable}.
     *
     * @return the name
     */
    public static String name() {
        return KernelChoice.name();
    }

    /**
     * Why the kernel forced with {@code -Dperceptron.kernel=vector} cannot run in this JVM, in one
     * line; empty when none is forced or it runs. Networks created regardless throw
     * {@code IllegalStateException} with this message.
     *
     * @return the problem, in one line
     */
    public static Optional<String> forcedProblem() {
        return KernelChoice.forcedKernelProblem();
    }

    /**
     * One line saying which kernel this JVM computes with and why.
     *
     * @return the line, such as {@code vector (256-bit) ...}
     */
    public static String description() {
        return KernelChoice.describe();
    }

    /**
     * The kernel's SIMD width in bits: 512 on AVX-512, 256 on AVX2, 128 on NEON; 0 when portable.
     *
     * @return the width in bits
     */
    public static int vectorBits() {
        return KernelChoice.vectorBits();
    }
}

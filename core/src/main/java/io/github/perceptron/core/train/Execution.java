package io.github.perceptron.core.train;

import io.github.perceptron.core.kernel.Kernels;
import java.util.Optional;

/**
 * How a run executes, apart from what it computes: the threads that share its matrix products,
 * batch gathering and augmentation. Results are bit-identical for any count, so this is not part of
 * a {@link TrainingPlan} and is saved with no model or checkpoint: a run resumed on another machine
 * may use another count.
 *
 * @param threads at least 1
 */
public record Execution(int threads) {

    public Execution {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
    }

    /** One thread per processor the JVM sees. */
    public static Execution allProcessors() {
        return new Execution(processors());
    }

    /** The processors the JVM sees. */
    public static int processors() {
        return Kernels.defaultThreads();
    }

    /** The matrix kernel this JVM computes with: {@code vector} (the Vector API) or {@code portable}. */
    public static String kernel() {
        return Kernels.name();
    }

    /**
     * Why the kernel forced with {@code -Dperceptron.kernel=vector} cannot run in this JVM, in one
     * line; empty when none is forced or it runs. Networks created regardless throw
     * {@code IllegalStateException} with this message.
     */
    public static Optional<String> forcedKernelProblem() {
        return Kernels.forcedKernelProblem();
    }

    /** One line saying which kernel this JVM computes with and why (see {@link Kernels#describe()}). */
    public static String kernelDescription() {
        return Kernels.describe();
    }

    /** The kernel's SIMD width in bits: 512 on AVX-512, 256 on AVX2, 128 on NEON; 0 when portable. */
    public static int vectorBits() {
        return Kernels.vectorBits();
    }
}

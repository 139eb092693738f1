package io.github.perceptron.core.kernel;

import java.util.Locale;
import java.util.Optional;

/**
 * Chooses the matrix kernel core uses: Vector API products when the JVM was started with
 * {@code --add-modules jdk.incubator.vector} (the {@code perceptron} launcher does this) and the
 * CPU has a fused multiply-add instruction, portable ones otherwise, so core still embeds anywhere.
 * The system property {@code perceptron.kernel=portable|vector} forces one.
 *
 * <p>Both kernels give the same bits: each output element is the same ascending chain of fused
 * multiply-adds, on any SIMD width and thread count. The choice changes speed only, so an embedder
 * should log {@link #describe()} once, which says which kernel runs and why; a fallback is also
 * reported once through the {@link System.Logger} named after this class.
 */
public final class KernelChoice {

    private static final String VECTOR_MODULE = "jdk.incubator.vector";
    private static final String PROPERTY = "perceptron.kernel";

    private KernelChoice() {
    }

    /**
     * A kernel splitting products over {@code threads} threads (kernels keep scratch space: one per network).
     *
     * @throws KernelUnavailableException when {@code -Dperceptron.kernel=vector} forces a kernel this JVM cannot run
     */
    public static MatrixKernel create(int threads) {
        Choice choice = Choice.MADE;
        choice.failIfForcedAndUnavailable();
        return new RowSplittingKernel(threads, choice.vector ? KernelChoice::vectorProduct : PortableRowProduct::new);
    }

    /**
     * Writes {@code count} unsigned bytes from {@code pixels[from]} as {@code [0,1]} floats
     * ({@code value / 255}, rounded the same way by every kernel) into {@code target[offset]}.
     */
    public static void scalePixels(byte[] pixels, int from, float[] target, int offset, int count) {
        PixelScalingHolder.SCALING.scale(pixels, from, target, offset, count);
    }

    /** Whether every value is in {@code [0,1]} (-0 included, NaN not), with the Vector API when it runs. */
    public static boolean inUnitRange(float[] values) {
        return PixelScalingHolder.SCALING.inUnitRange(values);
    }

    /** Chosen on first use, like the products. */
    private static final class PixelScalingHolder {
        static final PixelScaling SCALING = Choice.MADE.vector ? vectorPixelScaling() : new PixelScaling.Portable();
    }

    /** How many threads the shared pool runs work on at once: its workers and the caller. */
    public static int poolParallelism() {
        return SpinPool.SHARED.parallelism();
    }

    /** The number of processors the JVM sees. */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** The SIMD width the kernel computes with, in bits (512 on AVX-512, 256 on AVX2, 128 on NEON); 0 when portable. */
    public static int vectorBits() {
        return Choice.MADE.vectorBits;
    }

    /** The kind of kernel {@link #create} returns: {@code vector} or {@code portable}. */
    public static String name() {
        return Choice.MADE.vector ? "vector" : "portable";
    }

    /**
     * One line saying which kernel runs and why, for a log or a report: for example
     * {@code "vector (Vector API, 256-bit, hardware FMA)"} or {@code "portable (jdk.incubator.vector
     * is not in the boot layer: start the JVM with --add-modules jdk.incubator.vector to compute
     * with the Vector API; same results)"}.
     */
    public static String describe() {
        Choice choice = Choice.MADE;
        if (choice.vector) {
            return "vector (Vector API, " + vectorBits() + "-bit, hardware FMA)";
        }
        return "portable (" + choice.reason + "; same results, "
                + (FusedMultiplyAdd.IN_HARDWARE ? "hardware FMA)" : "FMA emulated in software)");
    }

    /**
     * Why the kernel that {@code -Dperceptron.kernel=vector} forces cannot run here, in one line;
     * empty when nothing is forced or the forced kernel runs (deciding only then, so a command
     * line may ask at start for free).
     */
    public static Optional<String> forcedKernelProblem() {
        if (!System.getProperty(PROPERTY, "").strip().equalsIgnoreCase("vector")) {
            return Optional.empty();
        }
        try {
            Choice.MADE.failIfForcedAndUnavailable();
            return Optional.empty();
        } catch (KernelUnavailableException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The kernel this JVM runs, decided once; a fallback is logged once, when it is decided. */
    private static final class Choice {

        static final Choice MADE = decide();

        final boolean vector;
        final String reason;
        final boolean forcedVector;
        final int vectorBits;

        private Choice(boolean vector, String reason, boolean forcedVector) {
            this.vector = vector;
            this.reason = reason;
            this.forcedVector = forcedVector;
            this.vectorBits = vector ? vectorProduct().vectorBits() : 0;
        }

        private static Choice decide() {
            String forced = System.getProperty(PROPERTY, "").strip().toLowerCase(Locale.ROOT);
            if (forced.equals("portable")) {
                return new Choice(false, "chosen with -D" + PROPERTY + "=portable", false);
            }
            boolean forcedVector = forced.equals("vector");
            String unavailable = vectorUnavailableReason(forcedVector);
            if (unavailable == null) {
                return new Choice(true, "", forcedVector);
            }
            if (!forcedVector) {
                System.getLogger(KernelChoice.class.getName()).log(System.Logger.Level.INFO,
                        "computing with the portable kernel: " + unavailable + "; same results");
            }
            return new Choice(false, unavailable, forcedVector);
        }

        void failIfForcedAndUnavailable() {
            if (forcedVector && !vector) {
                throw new KernelUnavailableException("the Vector API kernel was asked for (-D" + PROPERTY
                        + "=vector) but " + reason);
            }
        }
    }

    /**
     * Null when the Vector API kernel should run here; else why not, as a clause. A forced choice
     * skips the speed check: without the instruction the Vector API fuses lane by lane through
     * BigDecimal, far slower than the portable kernel's emulation of the same bits.
     */
    private static String vectorUnavailableReason(boolean forced) {
        if (ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty()) {
            return VECTOR_MODULE + " is not in the boot layer: start the JVM with --add-modules " + VECTOR_MODULE
                    + " to compute with the Vector API";
        }
        if (!forced && !FusedMultiplyAdd.IN_HARDWARE) {
            return "the JVM has no fused multiply-add instruction on this CPU, UseFMA is off";
        }
        try {
            vectorProduct();
            vectorPixelScaling();
            return null;
        } catch (LinkageError | RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            return "the Vector API kernel could not load (" + root + ")";
        }
    }

    /** Through reflection, so that without the module the Vector API classes are never linked. */
    static RowProduct vectorProduct() {
        return (RowProduct) loadVector("VectorRowProduct");
    }

    static PixelScaling vectorPixelScaling() {
        return (PixelScaling) loadVector("VectorPixelScaling");
    }

    private static Object loadVector(String simpleName) {
        try {
            return Class.forName("io.github.perceptron.core.kernel." + simpleName)
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new KernelUnavailableException("the Vector API kernel cannot load: " + cause, cause);
        }
    }
}

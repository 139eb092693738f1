package io.github.perceptron.core.kernel;

import java.util.Locale;

/**
 * Chooses the matrix kernel core uses: Vector API products when the JVM was started with
 * {@code --add-modules jdk.incubator.vector} (the {@code perceptron} launcher does this), portable
 * ones otherwise, so core still embeds anywhere. The system property
 * {@code perceptron.kernel=portable|vector} forces one.
 *
 * <p>The two round differently (the vector products use fused multiply-adds), so weights are
 * bit-identical between runs on the same kind of kernel, whatever the thread count, not across
 * kinds.
 */
public final class Kernels {

    private static final String VECTOR_MODULE = "jdk.incubator.vector";

    private Kernels() {
    }

    /** A kernel splitting products over {@code threads} threads (kernels keep scratch space: one per network). */
    public static MatrixKernel create(int threads) {
        return new RowSplittingKernel(threads, useVector() ? Kernels::vectorProduct : PortableRowProduct::new);
    }

    /**
     * Writes {@code count} unsigned bytes from {@code pixels[from]} as {@code [0,1]} floats
     * ({@code value / 255}, rounded the same way by every kernel) into {@code target[offset]}.
     */
    public static void scalePixels(byte[] pixels, int from, float[] target, int offset, int count) {
        PixelScalingHolder.SCALING.scale(pixels, from, target, offset, count);
    }

    /** Chosen on first use, like the products. */
    private static final class PixelScalingHolder {
        static final PixelScaling SCALING = useVector() ? vectorPixelScaling() : new PixelScaling.Portable();
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
        return useVector() ? vectorProduct().vectorBits() : 0;
    }

    /** The kind of kernel {@link #create} returns: {@code vector} or {@code portable}. */
    public static String name() {
        return useVector() ? "vector" : "portable";
    }

    private static boolean useVector() {
        String forced = System.getProperty("perceptron.kernel", "").toLowerCase(Locale.ROOT);
        return forced.equals("vector") || (!forced.equals("portable") && vectorAvailable());
    }

    static boolean vectorAvailable() {
        return ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
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
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("the Vector API kernel cannot load; start the JVM with --add-modules "
                    + VECTOR_MODULE + " or set -Dperceptron.kernel=portable", e);
        }
    }
}

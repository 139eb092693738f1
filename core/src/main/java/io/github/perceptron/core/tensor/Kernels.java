package io.github.perceptron.core.tensor;

import java.util.Locale;
import java.util.function.Supplier;

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
        return new ProductKernel(threads, useVector() ? Kernels::vectorProduct : PortableProduct::new);
    }

    /**
     * Runs {@code action} over rows {@code [0, rows)} split into at most {@code threads} contiguous
     * ranges on the kernels' shared workers, each row in exactly one range: for independent per-row
     * work such as gathering a batch, whose result must not depend on the split.
     */
    public static void forEachRowRange(int threads, int rows, RowRange action) {
        forEachChunk(threads, rows, (chunk, from, to) -> action.run(from, to));
    }

    /**
     * As {@link #forEachRowRange}, telling each range its chunk number, below {@code threads}: the
     * index of scratch space (one per thread) that no other range uses at the same time.
     */
    public static void forEachChunk(int threads, int rows, ChunkRange action) {
        int chunks = Math.min(Math.min(threads, SpinPool.SHARED.parallelism()), rows);
        if (chunks > 1) {
            Runnable[] tasks = new Runnable[chunks];
            for (int t = 0; t < chunks; t++) {
                int chunk = t;
                int from = rows * t / chunks;
                int to = rows * (t + 1) / chunks;
                tasks[t] = () -> action.run(chunk, from, to);
            }
            if (SpinPool.SHARED.run(tasks)) {
                return;
            }
        }
        action.run(0, 0, rows);
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

    /** Work on rows {@code [from, to)}. */
    public interface RowRange {
        void run(int from, int to);
    }

    /** Work on rows {@code [from, to)} as chunk number {@code chunk}. */
    public interface ChunkRange {
        void run(int chunk, int from, int to);
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
        return (RowProduct) loadVector("VectorProduct");
    }

    static PixelScaling vectorPixelScaling() {
        return (PixelScaling) loadVector("VectorPixelScaling");
    }

    private static Object loadVector(String simpleName) {
        try {
            return Class.forName("io.github.perceptron.core.tensor." + simpleName)
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("the Vector API kernel cannot load; start the JVM with --add-modules "
                    + VECTOR_MODULE + " or set -Dperceptron.kernel=portable", e);
        }
    }
}

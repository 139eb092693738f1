package io.github.perceptron.core.tensor;

import java.util.Locale;

/**
 * Chooses the matrix kernel core uses: the Vector API kernel when the JVM was started with
 * {@code --add-modules jdk.incubator.vector} (the {@code perceptron} launcher does this), the
 * portable kernel otherwise, so core still embeds anywhere. The system property
 * {@code perceptron.kernel=portable|vector} forces one.
 *
 * <p>The two kernels round differently (the vector one uses fused multiply-adds), so weights are
 * bit-identical between runs on the same kernel, not across kernels.
 */
public final class Kernels {

    private static final String VECTOR_MODULE = "jdk.incubator.vector";

    private Kernels() {
    }

    /** A new kernel for one thread of control (kernels keep scratch space). */
    public static MatrixKernel create() {
        String forced = System.getProperty("perceptron.kernel", "").toLowerCase(Locale.ROOT);
        if (forced.equals("portable") || (!forced.equals("vector") && !vectorAvailable())) {
            return new PortableKernel();
        }
        return vector();
    }

    /** The name of the kernel {@link #create()} returns: {@code vector} or {@code portable}. */
    public static String name() {
        return create() instanceof PortableKernel ? "portable" : "vector";
    }

    static boolean vectorAvailable() {
        return ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
    }

    /** Through reflection, so that without the module the Vector API classes are never linked. */
    static MatrixKernel vector() {
        try {
            return (MatrixKernel) Class.forName("io.github.perceptron.core.tensor.VectorKernel")
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("the Vector API kernel cannot load; start the JVM with --add-modules "
                    + VECTOR_MODULE + " or set -Dperceptron.kernel=portable", e);
        }
    }
}

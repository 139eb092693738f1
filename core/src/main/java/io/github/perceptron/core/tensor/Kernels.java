package io.github.perceptron.core.tensor;

/** Chooses the matrix kernel core uses. */
public final class Kernels {

    private Kernels() {
    }

    /** A new kernel for one training or inference thread of control (kernels keep scratch space). */
    public static MatrixKernel create() {
        return new PortableKernel();
    }
}

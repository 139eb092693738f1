package io.github.perceptron.core.planteda;

import io.github.perceptron.core.plantedb.PlantedCycleB;

/**
 * A planted violation (test sources only): a package cycle, a library that is not the JDK, and a
 * public method that hands out the kernel.
 */
public class PlantedCycleA {
    public PlantedCycleB next;
    public Class<?> library = org.assertj.core.api.Assertions.class;

    public io.github.perceptron.core.kernel.MatrixKernel kernel() {
        return null;
    }
}

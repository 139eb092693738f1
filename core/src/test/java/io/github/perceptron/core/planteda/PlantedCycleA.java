package io.github.perceptron.core.planteda;

import io.github.perceptron.core.plantedb.PlantedCycleB;

/** A planted violation (test sources only): a package cycle, and a library that is not the JDK. */
public class PlantedCycleA {
    public PlantedCycleB next;
    public Class<?> library = org.assertj.core.api.Assertions.class;
}

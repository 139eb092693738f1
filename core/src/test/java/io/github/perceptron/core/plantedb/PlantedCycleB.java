package io.github.perceptron.core.plantedb;

import io.github.perceptron.core.planteda.PlantedCycleA;

/** A planted violation (test sources only): the other half of the cycle, printing to the console. */
public class PlantedCycleB {
    public PlantedCycleA back;

    public void shout() {
        System.out.println("core must not do this");
    }
}

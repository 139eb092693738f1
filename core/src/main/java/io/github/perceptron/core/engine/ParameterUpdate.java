package io.github.perceptron.core.engine;

/**
 * Applies an optimiser to part of a parameter as soon as its gradient is computed, on the thread
 * that computed it: inside a training step's parallel region (see {@link Network#trainStep}).
 */
public interface ParameterUpdate {

    /** Updates elements {@code [from, to)} of parameter {@code parameter} (in {@link Network#parameters()} order). */
    void update(int parameter, int from, int to);
}

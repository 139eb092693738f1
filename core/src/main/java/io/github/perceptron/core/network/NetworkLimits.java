package io.github.perceptron.core.network;

import java.util.List;

/**
 * The largest networks this library plans, trains, saves and reads: one set of limits, so that
 * a model it trains is always one it can load again. Far above any sensible MLP, low enough that
 * a forged model file cannot exhaust memory.
 */
final class NetworkLimits {

    /** Units in one layer, the output layer included. */
    static final int MAX_UNITS = 1 << 16;
    /** Inputs of the first layer: pixels per image, 1024×1024. */
    static final int MAX_INPUTS = 1 << 20;
    /** Weights and biases of the whole network: 400 MB of float32. */
    static final long MAX_PARAMETERS = 100_000_000L;

    private NetworkLimits() {
    }

    /**
     * Checks layer sizes {@code [inputs, hidden..., outputs]}; the message names the first size
     * out of bounds, or the parameter count. Products are exact, so no size can overflow past a check.
     */
    static void check(List<Integer> sizes) {
        for (int i = 0; i < sizes.size(); i++) {
            int size = sizes.get(i);
            int max = i == 0 ? MAX_INPUTS : MAX_UNITS;
            if (size < 1 || size > max) {
                String what = i == 0 ? "the input size" : i == sizes.size() - 1 ? "the output size" : "hidden layer " + i;
                throw new IllegalArgumentException(what + " is " + size + ", outside 1.." + max);
            }
        }
        long parameters = 0;
        for (int i = 1; i < sizes.size(); i++) {
            parameters = Math.addExact(parameters,
                    Math.addExact(Math.multiplyExact((long) sizes.get(i - 1), sizes.get(i)), sizes.get(i)));
        }
        if (parameters > MAX_PARAMETERS) {
            throw new IllegalArgumentException("the layers " + sizes + " hold " + parameters
                    + " weights and biases, more than the " + MAX_PARAMETERS + " a network may have");
        }
    }
}

package io.github.perceptron.core.engine;

/**
 * A trainable tensor and its gradient, both flat {@code float[]} of the same length. Optimisers
 * update {@link #values()} from {@link #gradient()}; only parameters that {@link #decays()}
 * (weights, not biases) receive L2 weight decay.
 */
public final class Parameter {

    private final String name;
    private final float[] values;
    private final float[] gradient;
    private final boolean decays;

    public Parameter(String name, float[] values, boolean decays) {
        this.name = name;
        this.values = values;
        this.gradient = new float[values.length];
        this.decays = decays;
    }

    public String name() {
        return name;
    }

    /** The live values: writing here changes the network. */
    public float[] values() {
        return values;
    }

    /** The gradient of the mean batch loss, written by the last backward pass. */
    public float[] gradient() {
        return gradient;
    }

    public boolean decays() {
        return decays;
    }

    public int size() {
        return values.length;
    }
}

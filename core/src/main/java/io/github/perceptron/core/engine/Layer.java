package io.github.perceptron.core.engine;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * One stage of a network, mapping a batch {@code input[rows×inputs()]} to
 * {@code output[rows×outputs()]}, with forward and backward side by side.
 */
interface Layer {

    int inputs();

    int outputs();

    /** Draws this step's randomness (dropout masks) for {@code rows} rows before a training forward pass. */
    default void sample(int rows, RandomGenerator random) {
    }

    /** Computes {@code output} from {@code input}; {@code training} turns dropout on. */
    void forward(float[] input, float[] output, int rows, boolean training);

    /**
     * Given {@code outputGradient = dL/d(output)} (which it may overwrite), sets the parameters'
     * gradients and, unless {@code inputGradient} is null, writes {@code dL/d(input)} there.
     */
    void backward(float[] input, float[] output, float[] outputGradient, float[] inputGradient, int rows);

    /** The trainable parameters, in a fixed order (empty for layers without any). */
    List<Parameter> parameters();
}

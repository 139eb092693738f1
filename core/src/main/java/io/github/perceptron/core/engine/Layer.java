package io.github.perceptron.core.engine;

import io.github.perceptron.core.kernel.MatrixKernel;
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

    /**
     * Draws this step's randomness before a training step's parallel region (a dropout mask's
     * seed; the mask's rows are then made by {@link #forwardRows}).
     */
    default void drawSeed(int rows, RandomGenerator random) {
    }

    /**
     * Rows {@code [from, to)} of a training forward pass, on the calling thread with task
     * {@code task}'s scratch: the rows {@link #forward} would compute, bit for bit.
     */
    void forwardRows(float[] input, float[] output, int from, int to, int task);

    /**
     * Rows {@code [from, to)} of a backward pass: turns {@code outputGradient} into the gradient
     * before the activation, in place, and writes those rows of {@code dL/d(input)} unless
     * {@code inputGradient} is null. The parameters' gradients are left to
     * {@link #gradientShare}, once every row is done.
     */
    void backwardRows(float[] output, float[] outputGradient, float[] inputGradient, int from, int to, int task);

    /**
     * Task {@code task} of {@code tasks}' share of this layer's parameter gradients, over all
     * {@code rows} rows of the batch, each share then handed to {@code update}; parameters are
     * numbered from {@code firstParameter}, in {@link #parameters()} order.
     */
    default void gradientShare(float[] input, float[] gradient, int rows, int task, int tasks, ParameterUpdate update,
                               int firstParameter) {
    }

    /** Computes {@code output} from {@code input}; {@code training} turns dropout on. */
    void forward(float[] input, float[] output, int rows, boolean training);

    /**
     * Given {@code outputGradient = dL/d(output)} (which it may overwrite), sets the parameters'
     * gradients and, unless {@code inputGradient} is null, writes {@code dL/d(input)} there.
     */
    void backward(float[] input, float[] output, float[] outputGradient, float[] inputGradient, int rows);

    /**
     * A layer computing with this one's parameters (the same arrays, not copies) but its own
     * buffers and {@code kernel}: another thread's view of the same weights, for inference.
     */
    Layer sharingWeights(MatrixKernel kernel);

    /** The trainable parameters, in a fixed order (empty for layers without any). */
    List<Parameter> parameters();
}

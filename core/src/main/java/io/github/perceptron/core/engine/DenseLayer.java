package io.github.perceptron.core.engine;

import io.github.perceptron.core.kernel.MatrixKernel;
import io.github.perceptron.core.kernel.Parallel;
import io.github.perceptron.core.layer.Activation;
import java.util.List;

/**
 * A fully connected layer {@code a = f(x·W + b)} with {@code W[inputs×outputs]} row-major and
 * {@code b[outputs]}. Backward: {@code dz = da ⊙ f'}, {@code dW = xᵀ·dz}, {@code db = Σ_rows dz},
 * {@code dx = dz·Wᵀ}.
 */
final class DenseLayer implements Layer {

    private final int inputs;
    private final int outputs;
    private final Activation activation;
    private final Parameter weights;
    private final Parameter biases;
    private final MatrixKernel kernel;
    private final BiasAndActivation finish = new BiasAndActivation();
    private final Derivative derivative = new Derivative();

    DenseLayer(int inputs, int outputs, Activation activation, MatrixKernel kernel) {
        this.inputs = inputs;
        this.outputs = outputs;
        this.activation = activation;
        this.weights = new Parameter("weights", new float[inputs * outputs], true);
        this.biases = new Parameter("biases", new float[outputs], false);
        this.kernel = kernel;
    }

    @Override
    public int inputs() {
        return inputs;
    }

    @Override
    public int outputs() {
        return outputs;
    }

    public Activation activation() {
        return activation;
    }

    @Override
    public void forward(float[] input, float[] output, int rows, boolean training) {
        kernel.multiply(input, weights.values(), output, rows, inputs, outputs, finish.on(output, activation));
    }

    /** {@code z = x·W + b}, without the activation: the output layer hands {@code z} to its loss. */
    public void forwardLinear(float[] input, float[] z, int rows) {
        kernel.multiply(input, weights.values(), z, rows, inputs, outputs, finish.on(z, Activation.IDENTITY));
    }

    @Override
    public void backward(float[] input, float[] output, float[] outputGradient, float[] inputGradient, int rows) {
        if (activation != Activation.IDENTITY) {
            kernel.forEachRowRange(rows, (long) rows * outputs, derivative.on(output, outputGradient));
        }
        backwardFromLinear(input, outputGradient, inputGradient, rows);
    }

    /** Backward from {@code dz = dL/dz} (the pre-activation gradient), as a fused loss provides. */
    public void backwardFromLinear(float[] input, float[] dz, float[] inputGradient, int rows) {
        kernel.multiplyTransposedA(input, dz, weights.gradient(), rows, inputs, outputs);
        kernel.sumColumns(dz, biases.gradient(), rows, outputs);
        if (inputGradient != null) {
            kernel.multiplyTransposedB(dz, weights.values(), inputGradient, rows, outputs, inputs);
        }
    }

    /**
     * The bias and activation, on each thread's rows as soon as it has computed them. One object per
     * layer, re-aimed before each product, so that a training step allocates nothing.
     */
    private final class BiasAndActivation implements Parallel.RowRange {
        private float[] z;
        private Activation applied;

        BiasAndActivation on(float[] target, Activation activation) {
            z = target;
            applied = activation;
            return this;
        }

        @Override
        public void run(int from, int to) {
            kernel.addToRows(z, biases.values(), from, to, outputs);
            applied.applyRows(z, from, to, outputs);
        }
    }

    /** {@code gradient ⊙= f'(a)} on a range of rows; re-aimed like {@link BiasAndActivation}. */
    private final class Derivative implements Parallel.RowRange {
        private float[] a;
        private float[] gradient;

        Derivative on(float[] output, float[] outputGradient) {
            a = output;
            gradient = outputGradient;
            return this;
        }

        @Override
        public void run(int from, int to) {
            activation.multiplyByDerivative(a, gradient, from * outputs, to * outputs);
        }
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(weights, biases);
    }

    public Parameter weights() {
        return weights;
    }

    public Parameter biases() {
        return biases;
    }
}

package io.github.perceptron.core.engine;

import io.github.perceptron.core.kernel.MatrixKernel;
import io.github.perceptron.core.kernel.Parallel;
import io.github.perceptron.core.kernel.StepRegion;
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
        this(inputs, outputs, activation, new Parameter("weights", new float[inputs * outputs], true),
                new Parameter("biases", new float[outputs], false), kernel);
    }

    private DenseLayer(int inputs, int outputs, Activation activation, Parameter weights, Parameter biases,
                       MatrixKernel kernel) {
        this.inputs = inputs;
        this.outputs = outputs;
        this.activation = activation;
        this.weights = weights;
        this.biases = biases;
        this.kernel = kernel;
    }

    @Override
    public DenseLayer sharingWeights(MatrixKernel otherKernel) {
        return new DenseLayer(inputs, outputs, activation, weights, biases, otherKernel);
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

    @Override
    public void forwardRows(float[] input, float[] output, int from, int to, int task) {
        forwardLinearRows(input, output, from, to, task);
        activation.applyRows(output, from, to, outputs);
    }

    /** Rows {@code [from, to)} of {@link #forwardLinear}, on task {@code task}'s scratch. */
    void forwardLinearRows(float[] input, float[] z, int from, int to, int task) {
        kernel.multiplyRows(input, weights.values(), z, from, to, inputs, outputs, task);
        kernel.addToRows(z, biases.values(), from, to, outputs);
    }

    @Override
    public void backwardRows(float[] output, float[] outputGradient, float[] inputGradient, int from, int to, int task) {
        if (activation != Activation.IDENTITY) {
            activation.multiplyByDerivative(output, outputGradient, from * outputs, to * outputs);
        }
        inputGradientRows(outputGradient, inputGradient, from, to, task);
    }

    /** Rows {@code [from, to)} of {@code dx = dz·Wᵀ}, unless {@code inputGradient} is null (the first layer's). */
    void inputGradientRows(float[] dz, float[] inputGradient, int from, int to, int task) {
        if (inputGradient != null) {
            kernel.multiplyTransposedBRows(dz, weights.values(), inputGradient, from, to, outputs, inputs, task);
        }
    }

    /**
     * This task's rows of {@code dW = xᵀ·dz} (a block of inputs, cut at multiples of four as the
     * kernel's tiles are) and columns of {@code db}, each over the whole batch in row order as
     * {@link #backwardFromLinear} sums them; each is updated at once, while it is in this cache.
     */
    @Override
    public void gradientShare(float[] input, float[] dz, int rows, int task, int tasks, ParameterUpdate update,
                              int firstParameter) {
        int firstInput = StepRegion.start(inputs, task, tasks);
        int endInput = StepRegion.start(inputs, task + 1, tasks);
        kernel.multiplyTransposedARows(input, dz, weights.gradient(), rows, inputs, outputs, firstInput, endInput, task);
        int firstOutput = StepRegion.columnStart(outputs, task, tasks);
        int endOutput = StepRegion.columnStart(outputs, task + 1, tasks);
        kernel.sumColumns(dz, biases.gradient(), rows, outputs, firstOutput, endOutput);
        update.update(firstParameter, firstInput * outputs, endInput * outputs);
        update.update(firstParameter + 1, firstOutput, endOutput);
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

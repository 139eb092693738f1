package io.github.perceptron.core.engine;

import io.github.perceptron.core.kernel.KernelChoice;
import io.github.perceptron.core.kernel.MatrixKernel;
import io.github.perceptron.core.kernel.Parallel;
import io.github.perceptron.core.layer.Initialization;
import io.github.perceptron.core.layer.LayerSpec;
import io.github.perceptron.core.network.NetworkSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A built network: its layers, their parameters and the batch buffers forward and backward passes
 * write into. Buffers are sized for the largest batch seen and reused, so a training step
 * allocates nothing. Not thread-safe: one network serves one thread at a time.
 */
public final class Network {

    private final NetworkSpec spec;
    private final List<Layer> hidden;
    private final DenseLayer output;
    private final List<Parameter> parameters;
    private final MatrixKernel kernel;
    private final LossRows lossRows = new LossRows();
    private int capacity;
    private float[] classWeights;
    private double[] rowLosses;
    private float[][] activations;
    private float[][] gradients;
    private float[] outputs;
    private float[] outputGradient;

    /** What one output of the loss costs against a multiply-add (an exponential and a division). */
    private static final int LOSS_WORK_PER_OUTPUT = 20;

    private Network(NetworkSpec spec, List<Layer> hidden, DenseLayer output, MatrixKernel kernel) {
        this.spec = spec;
        this.kernel = kernel;
        this.hidden = hidden;
        this.output = output;
        List<Parameter> all = new ArrayList<>();
        hidden.forEach(layer -> all.addAll(layer.parameters()));
        all.addAll(output.parameters());
        this.parameters = List.copyOf(all);
    }

    /** A new network with freshly initialised weights drawn from {@code random}, using every processor. */
    public static Network create(NetworkSpec spec, RandomGenerator random) {
        return create(spec, random, KernelChoice.defaultThreads());
    }

    /**
     * A new network whose matrix products use {@code threads} threads. The thread count changes
     * speed only: results are bit-identical for any count.
     */
    public static Network create(NetworkSpec spec, RandomGenerator random, int threads) {
        MatrixKernel kernel = KernelChoice.create(threads);
        List<Layer> hidden = new ArrayList<>();
        int width = spec.inputs();
        for (LayerSpec layerSpec : spec.hidden()) {
            Initialization init = layerSpec instanceof LayerSpec.Dense dense
                    ? spec.initializationFor(dense.activation()) : Initialization.XAVIER;
            Layer layer = build(layerSpec, width, init, random, kernel);
            hidden.add(layer);
            width = layer.outputs();
        }
        LayerSpec.Dense outputSpec = new LayerSpec.Dense(spec.classes(), spec.loss().outputActivation());
        Layer output = build(outputSpec, width, spec.initializationFor(outputSpec.activation()), random, kernel);
        return new Network(spec, List.copyOf(hidden), (DenseLayer) output, kernel);
    }

    /** A new layer as {@code spec} describes it, taking {@code inputs} values per row, initialised from {@code random}. */
    private static Layer build(LayerSpec spec, int inputs, Initialization init, RandomGenerator random, MatrixKernel kernel) {
        if (spec instanceof LayerSpec.Dense dense) {
            DenseLayer layer = new DenseLayer(inputs, dense.units(), dense.activation(), kernel);
            init.fill(layer.weights().values(), layer.biases().values(), inputs, dense.units(), random);
            return layer;
        }
        return new DropoutLayer(inputs, ((LayerSpec.Dropout) spec).rate(), kernel.threads());  // LayerSpec is sealed
    }

    /** The threads this network's products split over (results do not depend on it). */
    public int threads() {
        return kernel.threads();
    }

    public NetworkSpec spec() {
        return spec;
    }

    /**
     * Every trainable tensor in a fixed order: for each dense layer from input to output, its
     * {@code weights[inputs×outputs]} (row-major) then its {@code biases[outputs]}.
     */
    public List<Parameter> parameters() {
        return parameters;
    }

    /**
     * Weighs each training example's loss and gradient by its class's weight from now on
     * ({@code null}: every example counts once). Evaluation ({@link #computeLoss}) stays unweighted.
     */
    public void weighClasses(float[] weights) {
        if (weights != null && weights.length != spec.classes()) {
            throw new IllegalArgumentException(weights.length + " class weights for " + spec.classes() + " classes");
        }
        classWeights = weights == null ? null : weights.clone();
    }

    /**
     * One training step's forward and backward pass on {@code input[rows×inputs]}: leaves the
     * gradient of the mean loss in every parameter (each example weighed by its class, see
     * {@link #weighClasses}) and returns the loss summed over the rows.
     */
    public double computeGradients(float[] input, int[] labels, int rows, RandomGenerator random) {
        ensureCapacity(rows);
        for (Layer layer : hidden) {
            layer.sample(rows, random);
        }
        float[] last = forwardHidden(input, rows, true);
        output.forwardLinear(last, outputs, rows);
        double loss = loss(labels, rows, outputGradient, classWeights);
        output.backwardFromLinear(last, outputGradient, hidden.isEmpty() ? null : gradients[hidden.size() - 1], rows);
        for (int l = hidden.size() - 1; l >= 0; l--) {
            float[] in = l == 0 ? input : activations[l - 1];
            hidden.get(l).backward(in, activations[l], gradients[l], l == 0 ? null : gradients[l - 1], rows);
        }
        return loss;
    }

    /** Evaluation forward pass (dropout off); returns the loss summed over the rows. */
    public double computeLoss(float[] input, int[] labels, int rows) {
        ensureCapacity(rows);
        output.forwardLinear(forwardHidden(input, rows, false), outputs, rows);
        return loss(labels, rows, null, null);
    }

    /** The loss of the last forward pass, rows split between the threads and summed in row order. */
    private double loss(int[] labels, int rows, float[] gradient, float[] weights) {
        int classes = spec.classes();
        kernel.forEachRowRange(rows, (long) rows * classes * LOSS_WORK_PER_OUTPUT, lossRows.on(labels, rows, gradient, weights));
        double total = 0;
        for (int r = 0; r < rows; r++) {
            total += rowLosses[r];
        }
        return total;
    }

    /** The loss on a range of rows; one object per network, re-aimed per batch, so a step allocates nothing. */
    private final class LossRows implements Parallel.RowRange {
        private int[] labels;
        private int rows;
        private float[] gradient;
        private float[] weights;

        LossRows on(int[] batchLabels, int batchRows, float[] lossGradient, float[] classWeights) {
            labels = batchLabels;
            rows = batchRows;
            gradient = lossGradient;
            weights = classWeights;
            return this;
        }

        @Override
        public void run(int from, int to) {
            int classes = spec.classes();
            spec.loss().evaluateRows(outputs, labels, from, to, rows, classes, gradient, rowLosses);
            if (weights == null) {
                return;
            }
            for (int r = from; r < to; r++) {
                float weight = weights[labels[r]];
                rowLosses[r] *= weight;
                if (gradient != null) {
                    for (int j = r * classes; j < (r + 1) * classes; j++) {
                        gradient[j] *= weight;
                    }
                }
            }
        }
    }

    /** Class probabilities (or output activations, under MSE) for each row, into {@code result[rows×classes]}. */
    public void predict(float[] input, int rows, float[] result) {
        ensureCapacity(rows);
        output.forward(forwardHidden(input, rows, false), outputs, rows, false);
        System.arraycopy(outputs, 0, result, 0, rows * spec.classes());
    }

    /** The most likely class of row {@code row} after the last forward pass. */
    public int predictedClass(int row) {
        int classes = spec.classes();
        int from = row * classes;
        int best = 0;
        for (int j = 1; j < classes; j++) {
            if (outputs[from + j] > outputs[from + best]) {
                best = j;
            }
        }
        return best;
    }

    /** How many of the first {@code rows} rows the last forward pass classified as {@code labels}. */
    public int countCorrect(int[] labels, int rows) {
        int correct = 0;
        for (int r = 0; r < rows; r++) {
            if (predictedClass(r) == labels[r]) {
                correct++;
            }
        }
        return correct;
    }

    private float[] forwardHidden(float[] input, int rows, boolean training) {
        float[] current = input;
        for (int l = 0; l < hidden.size(); l++) {
            hidden.get(l).forward(current, activations[l], rows, training);
            current = activations[l];
        }
        return current;
    }

    private void ensureCapacity(int rows) {
        if (rows <= capacity) {
            return;
        }
        activations = new float[hidden.size()][];
        gradients = new float[hidden.size()][];
        for (int l = 0; l < hidden.size(); l++) {
            activations[l] = new float[rows * hidden.get(l).outputs()];
            gradients[l] = new float[rows * hidden.get(l).outputs()];
        }
        outputs = new float[rows * spec.classes()];
        outputGradient = new float[rows * spec.classes()];
        rowLosses = new double[rows];
        capacity = rows;
    }
}

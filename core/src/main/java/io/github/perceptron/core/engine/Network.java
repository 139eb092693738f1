package io.github.perceptron.core.engine;

import io.github.perceptron.core.kernel.KernelChoice;
import io.github.perceptron.core.kernel.MatrixKernel;
import io.github.perceptron.core.kernel.Parallel;
import io.github.perceptron.core.kernel.StepRegion;
import io.github.perceptron.core.layer.Initialization;
import io.github.perceptron.core.layer.LayerSpec;
import io.github.perceptron.core.loss.Loss;
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
    private final StepRegion region;
    private final StepPhases phases = new StepPhases();
    /** The dense layers (the output last) and the index of each one's weights in {@link #parameters}. */
    private final List<DenseLayer> dense;
    private final int[] firstParameter;
    /** Each dense layer's place among the hidden layers ({@code hidden.size()} for the output layer). */
    private final int[] denseAt;
    /** A step's multiply-adds per batch row: each dense layer's forward product, weight and input gradient. */
    private final long workPerRow;
    private int capacity;
    private float[] classWeights;
    /** The loss training steps minimise: the spec's, or it with smoothed labels ({@link #smoothLabels}). */
    private Loss trainingLoss;
    private double[] rowLosses;
    private float[][] activations;
    private float[][] gradients;
    private float[] outputs;
    private float[] outputGradient;

    /** What one output of the loss costs against a multiply-add (an exponential and a division). */
    private static final int LOSS_WORK_PER_OUTPUT = 20;

    private Network(NetworkSpec spec, List<Layer> hidden, DenseLayer output, MatrixKernel kernel) {
        this.spec = spec;
        this.trainingLoss = spec.loss();
        this.kernel = kernel;
        this.hidden = hidden;
        this.output = output;
        List<Parameter> all = new ArrayList<>();
        List<DenseLayer> denseLayers = new ArrayList<>();
        List<Integer> first = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        for (int l = 0; l < hidden.size(); l++) {
            if (hidden.get(l) instanceof DenseLayer d) {
                denseLayers.add(d);
                first.add(all.size());
                at.add(l);
            }
            all.addAll(hidden.get(l).parameters());
        }
        denseLayers.add(output);
        first.add(all.size());
        at.add(hidden.size());
        all.addAll(output.parameters());
        this.parameters = List.copyOf(all);
        this.dense = List.copyOf(denseLayers);
        this.firstParameter = first.stream().mapToInt(Integer::intValue).toArray();
        this.denseAt = at.stream().mapToInt(Integer::intValue).toArray();
        this.region = new StepRegion(kernel.threads());
        this.workPerRow = dense.stream().mapToLong(layer -> 3L * layer.inputs() * layer.outputs()).sum();
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

    /**
     * A network computing with this one's weights (the same arrays: training this one changes both)
     * but with its own buffers and kernel scratch, so that it can predict on another thread while
     * this one does. The same inputs give the same bits on both.
     */
    public Network sharingWeights() {
        MatrixKernel otherKernel = KernelChoice.create(kernel.threads());
        List<Layer> otherHidden = hidden.stream().map(layer -> layer.sharingWeights(otherKernel)).toList();
        return new Network(spec, otherHidden, output.sharingWeights(otherKernel), otherKernel);
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
     * Trains against targets smoothed by {@code epsilon} from now on (see {@link Loss#crossEntropy(double)});
     * 0 trains on the labels as they are. Evaluation ({@link #computeLoss}) measures the plain loss.
     *
     * @throws IllegalArgumentException if {@code epsilon} is above 0 and the loss is not cross-entropy
     */
    public void smoothLabels(double epsilon) {
        if (epsilon > 0 && !spec.loss().id().equals(Loss.crossEntropy().id())) {
            throw new IllegalArgumentException("label smoothing needs the cross-entropy loss, not " + spec.loss().id());
        }
        trainingLoss = epsilon == 0 ? spec.loss() : Loss.crossEntropy(epsilon);
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
        double loss = loss(trainingLoss, labels, rows, outputGradient, classWeights);
        output.backwardFromLinear(last, outputGradient, hidden.isEmpty() ? null : gradients[hidden.size() - 1], rows);
        for (int l = hidden.size() - 1; l >= 0; l--) {
            float[] in = l == 0 ? input : activations[l - 1];
            hidden.get(l).backward(in, activations[l], gradients[l], l == 0 ? null : gradients[l - 1], rows);
        }
        return loss;
    }

    /**
     * One whole training step in one parallel region: the bits of {@link #computeGradients}
     * followed by an update of every parameter, whatever the thread count.
     *
     * <p>Each task owns a block of the batch rows (cut at multiples of four): it has {@code fill}
     * gather them, then runs every layer's forward pass, the loss and the backward chain of
     * gradients on those rows, reading the weights and waiting for no one. At the one barrier all
     * rows are done; each task then computes its block of every weight matrix's rows and bias
     * columns, over all the batch's rows in row order, and has {@code update} apply the optimiser
     * to them while they are in its cache. The region's end is the step's second barrier. The
     * generator is drawn from before the region (dropout masks' seeds), as by
     * {@code computeGradients}.
     *
     * @param fill   gathers rows {@code [from, to)} of {@code input} and {@code labels} for a task
     * @param update applies the optimiser to part of a parameter once its gradient is computed
     * @return the loss summed over the rows (each weighed by its class); when it is not finite no
     *         parameter was updated
     */
    public double trainStep(float[] input, int[] labels, int rows, RandomGenerator random, BatchRows fill,
                            ParameterUpdate update) {
        ensureCapacity(rows);
        for (Layer layer : hidden) {
            layer.drawSeed(rows, random);
        }
        lossRows.on(trainingLoss, labels, rows, outputGradient, classWeights);
        phases.on(input, rows, fill, update);
        try {
            region.run(phases, region.tasks(rows, rows * workPerRow));
        } finally {
            phases.on(null, 0, null, null);
        }
        return summedLoss(rows);
    }

    /** Fills rows {@code [from, to)} of a training step's batch, as task {@code task} (for its scratch). */
    public interface BatchRows {
        void fill(int task, int from, int to);
    }

    /** {@link #trainStep}'s two phases; one object per network, re-aimed per step, so a step allocates nothing. */
    private final class StepPhases implements StepRegion.Phases {
        private float[] input;
        private int rows;
        private BatchRows fill;
        private ParameterUpdate update;

        void on(float[] batch, int batchRows, BatchRows batchFill, ParameterUpdate parameterUpdate) {
            input = batch;
            rows = batchRows;
            fill = batchFill;
            update = parameterUpdate;
        }

        @Override
        public void first(int task, int tasks) {
            int from = StepRegion.start(rows, task, tasks);
            int to = StepRegion.start(rows, task + 1, tasks);
            fill.fill(task, from, to);
            float[] current = input;
            for (int l = 0; l < hidden.size(); l++) {
                hidden.get(l).forwardRows(current, activations[l], from, to, task);
                current = activations[l];
            }
            output.forwardLinearRows(current, outputs, from, to, task);
            lossRows.run(from, to);
            output.inputGradientRows(outputGradient, hidden.isEmpty() ? null : gradients[hidden.size() - 1], from, to,
                    task);
            for (int l = hidden.size() - 1; l >= 0; l--) {
                hidden.get(l).backwardRows(activations[l], gradients[l], l == 0 ? null : gradients[l - 1], from, to, task);
            }
        }

        @Override
        public void second(int task, int tasks) {
            // Every task sees every row's loss now; a step that diverged updates nothing.
            if (!Double.isFinite(summedLoss(rows))) {
                return;
            }
            for (int d = 0; d < dense.size(); d++) {
                dense.get(d).gradientShare(inputOf(d), gradientOf(d), rows, task, tasks, update, firstParameter[d]);
            }
        }

        /** What dense layer {@code d} read in the forward pass. */
        private float[] inputOf(int d) {
            return denseAt[d] == 0 ? input : activations[denseAt[d] - 1];
        }

        /** Its gradient before the activation, as the backward chain left it. */
        private float[] gradientOf(int d) {
            return denseAt[d] == hidden.size() ? outputGradient : gradients[denseAt[d]];
        }
    }

    /** Evaluation forward pass (dropout off); returns the loss summed over the rows. */
    public double computeLoss(float[] input, int[] labels, int rows) {
        ensureCapacity(rows);
        output.forwardLinear(forwardHidden(input, rows, false), outputs, rows);
        return loss(spec.loss(), labels, rows, null, null);
    }

    /** The loss of the last forward pass, rows split between the threads and summed in row order. */
    private double loss(Loss measured, int[] labels, int rows, float[] gradient, float[] weights) {
        int classes = spec.classes();
        kernel.forEachRowRange(rows, (long) rows * classes * LOSS_WORK_PER_OUTPUT,
                lossRows.on(measured, labels, rows, gradient, weights));
        return summedLoss(rows);
    }

    /** The rows' losses of the last pass, summed in row order. */
    private double summedLoss(int rows) {
        double total = 0;
        for (int r = 0; r < rows; r++) {
            total += rowLosses[r];
        }
        return total;
    }

    /** The loss on a range of rows; one object per network, re-aimed per batch, so a step allocates nothing. */
    private final class LossRows implements Parallel.RowRange {
        private Loss loss;
        private int[] labels;
        private int rows;
        private float[] gradient;
        private float[] weights;

        LossRows on(Loss measured, int[] batchLabels, int batchRows, float[] lossGradient, float[] classWeights) {
            loss = measured;
            labels = batchLabels;
            rows = batchRows;
            gradient = lossGradient;
            weights = classWeights;
            return this;
        }

        @Override
        public void run(int from, int to) {
            int classes = spec.classes();
            loss.evaluateRows(outputs, labels, from, to, rows, classes, gradient, rowLosses);
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

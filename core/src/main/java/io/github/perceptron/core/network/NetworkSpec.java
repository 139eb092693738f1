package io.github.perceptron.core.network;

import io.github.perceptron.core.layer.Activation;
import io.github.perceptron.core.layer.Initialization;
import io.github.perceptron.core.layer.LayerSpec;
import io.github.perceptron.core.loss.Loss;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The architecture of a multi-layer perceptron: {@code inputs} values per example, the hidden
 * layers in order, and a dense output layer of {@code classes} units whose activation the
 * {@code loss} owns. An empty {@code initialization} means "suited to each layer's activation"
 * (He for ReLU, Xavier otherwise).
 *
 * @param inputs         values per example, in {@code [1, MAX_INPUTS]}
 * @param hidden         the hidden layers, input side first
 * @param classes        outputs, at least 2
 * @param loss           the loss, which owns the output activation
 * @param initialization the initialisation of every layer, or empty for the one suited to each
 */
public record NetworkSpec(int inputs, List<LayerSpec> hidden, int classes, Loss loss,
                          Optional<Initialization> initialization) {

    /** The most units in one layer, the output layer included. */
    public static final int MAX_UNITS = NetworkLimits.MAX_UNITS;
    /** The most inputs of the first layer: pixels per image, 1024×1024. */
    public static final int MAX_INPUTS = NetworkLimits.MAX_INPUTS;
    /**
     * The most weights and biases of a whole network (400 MB of float32). These limits are the
     * largest networks perceptron plans, trains, saves and reads: far above any sensible MLP, low
     * enough that a forged model file cannot exhaust memory.
     */
    public static final long MAX_PARAMETERS = NetworkLimits.MAX_PARAMETERS;

    /**
     * Checks the architecture against the limits before anything is allocated.
     *
     * @param inputs values per example, in {@code [1, MAX_INPUTS]}
     * @param hidden the hidden layers, input side first
     * @param classes outputs, at least 2
     * @param loss the loss, which owns the output activation
     * @param initialization the initialisation of every layer, or empty for the one suited to each
     * @throws IllegalArgumentException if a size is out of bounds, a hidden layer is not element-wise,
     *                                  the loss is missing, or the network has too many parameters
     */
    public NetworkSpec {
        if (inputs < 1) {
            throw new IllegalArgumentException("inputs must be >= 1, was " + inputs);
        }
        if (classes < 2) {
            throw new IllegalArgumentException("classes must be >= 2, was " + classes);
        }
        hidden = List.copyOf(hidden);
        if (loss == null) {
            throw new IllegalArgumentException("loss must be given");
        }
        for (LayerSpec layer : hidden) {
            if (layer instanceof LayerSpec.Dense dense && !dense.activation().isElementWise()) {
                throw new IllegalArgumentException(dense.activation().id() + " is only for the output layer");
            }
        }
        NetworkLimits.check(sizes(inputs, hidden, classes));
    }

    /**
     * Checks layer sizes {@code [inputs, hidden..., outputs]} against the limits above, before
     * anything is allocated.
     *
     * @throws IllegalArgumentException naming the first size out of bounds, or the parameter count
     * @param sizes the layer widths, input first
     */
    public static void checkSizes(List<Integer> sizes) {
        NetworkLimits.check(sizes);
    }

    /**
     * The usual shape: {@code sizes = [inputs, hidden..., classes]}, one activation for the hidden
     * layers, and dropout at {@code dropout} after each hidden layer when it is above zero.
     *
     * @param sizes          the layer widths, input first and classes last, at least two
     * @param activation     the hidden layers' activation
     * @param loss           the loss
     * @param dropout        the dropout rate after each hidden layer, in [0, 1)
     * @param initialization the initialisation, or null for the one suited to the activation
     * @return the architecture
     * @throws IllegalArgumentException if fewer than two sizes are given, or a size, the rate or the parameter count is out of bounds
     */
    public static NetworkSpec of(List<Integer> sizes, Activation activation, Loss loss, double dropout,
                                 Initialization initialization) {
        if (sizes.size() < 2) {
            throw new IllegalArgumentException("layers need at least an input and an output size, was " + sizes);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout rate must be in [0, 1), was " + dropout);
        }
        List<LayerSpec> hidden = new ArrayList<>();
        for (int size : sizes.subList(1, sizes.size() - 1)) {
            hidden.add(new LayerSpec.Dense(size, activation));
            if (dropout > 0) {
                hidden.add(new LayerSpec.Dropout(dropout));
            }
        }
        return new NetworkSpec(sizes.get(0), hidden, sizes.get(sizes.size() - 1), loss,
                Optional.ofNullable(initialization));
    }

    /**
     * Layer widths from input to output, dropout layers left out: e.g. {@code [784, 100, 10]}.
     *
     * @return the widths, input first (unmodifiable)
     */
    public List<Integer> sizes() {
        return sizes(inputs, hidden, classes);
    }

    private static List<Integer> sizes(int inputs, List<LayerSpec> hidden, int classes) {
        List<Integer> sizes = new ArrayList<>();
        sizes.add(inputs);
        for (LayerSpec layer : hidden) {
            if (layer instanceof LayerSpec.Dense dense) {
                sizes.add(dense.units());
            }
        }
        sizes.add(classes);
        return sizes;
    }

    /**
     * The number of trainable values: all weights and biases.
     *
     * @return the count
     */
    public long parameterCount() {
        List<Integer> sizes = sizes();
        long count = 0;
        for (int i = 1; i < sizes.size(); i++) {
            count += (long) sizes.get(i - 1) * sizes.get(i) + sizes.get(i);
        }
        return count;
    }

    /**
     * The initialisation of a layer with {@code activation}: the spec's own, or the one suited to the activation.
     *
     * @param activation the layer's activation
     * @return the initialisation
     */
    public Initialization initializationFor(Activation activation) {
        return initialization.orElse(Initialization.suitedTo(activation));
    }
}

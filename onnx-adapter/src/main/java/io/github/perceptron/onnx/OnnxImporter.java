package io.github.perceptron.onnx;

import io.github.perceptron.core.layer.Activation;
import io.github.perceptron.core.layer.LayerSpec;
import io.github.perceptron.core.loss.Loss;
import io.github.perceptron.core.model.Model;
import io.github.perceptron.core.network.NetworkSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Makes a model of a decoded ONNX graph when it is a multi-layer perceptron: one float input
 * [N, features], then a chain of {@code Gemm}s (or {@code MatMul} + {@code Add}), each optionally
 * followed by {@code Relu}, {@code Sigmoid} or {@code Tanh}, ending in {@code Softmax} (a
 * cross-entropy model), {@code Sigmoid} (an MSE model) or a bare dense layer (logits, read as a
 * cross-entropy model whose probabilities perceptron computes with softmax). {@code Identity},
 * a {@code Cast} to float, {@code Flatten} over axis 1 and a {@code Reshape} to [N, features]
 * pass through. A classifier's label branch after the probabilities (skl2onnx's {@code ArgMax},
 * {@code ArrayFeatureExtractor}, {@code Cast}, {@code Reshape}, and its {@code ZipMap}) is
 * recognised and ignored. Anything else is refused naming the first node perceptron cannot read.
 *
 * <p>Before that, the graph must be one ONNX Runtime would run: every name assigned once, every
 * node input defined, a supported standard opset.
 */
final class OnnxImporter {

    static final Set<String> SUPPORTED = Set.of("Gemm", "MatMul", "Add", "Relu", "Sigmoid", "Tanh", "Softmax",
            "Identity", "Flatten", "Reshape", "Cast");
    private static final String SUPPORTED_LIST = "Gemm, MatMul + Add, Relu, Sigmoid, Tanh, Softmax, Identity, Cast to"
            + " float, Flatten, Reshape";
    /** What a classifier's label branch may hold: it turns probabilities into a label, which perceptron computes itself. */
    private static final Set<String> LABEL_BRANCH = Set.of("ArgMax", "ArrayFeatureExtractor", "Cast", "Reshape",
            "Identity", "Flatten", "ZipMap");
    /** The newest standard opset perceptron reads: the newest ONNX Runtime 1.30 runs (it refuses 27). */
    static final long NEWEST_OPSET = 26;
    private static final int FLOAT = 1;

    private final OnnxGraph graph;
    private final String file;
    private final List<float[]> parameters = new ArrayList<>();
    private final List<Integer> widths = new ArrayList<>();
    private final List<Activation> activations = new ArrayList<>();
    private final Set<String> labels = new java.util.HashSet<>();
    private String current;
    private String inputName;
    private long inputFeatures;
    private boolean ended;
    private Loss loss;

    private OnnxImporter(OnnxGraph graph, String file) {
        this.graph = graph;
        this.file = file;
    }

    static Model toModel(OnnxGraph graph, String file) {
        return new OnnxImporter(graph, file).model();
    }

    private Model model() {
        standardOpset();
        GraphChecks.check(graph, file);
        refuseCommittee();
        refuseNormalisation();
        OnnxGraph.Value input = input();
        current = input.name();
        inputName = input.name();
        inputFeatures = features(input);
        for (OnnxGraph.Node node : graph.nodes) {
            step(node);
        }
        if (widths.isEmpty()) {
            throw new OnnxFormatException(file + ": the graph has no dense layer (Gemm or MatMul)");
        }
        List<String> others = graph.outputs.stream().map(OnnxGraph.Value::name)
                .filter(name -> !name.equals(current) && !labels.contains(name)).toList();
        if (!graph.outputs.stream().map(OnnxGraph.Value::name).toList().contains(current) || !others.isEmpty()) {
            throw new OnnxFormatException(file + ": the graph's output must be the end of its chain of nodes ('"
                    + OnnxGraph.shortName(current) + "'), and a label computed from it; it declares "
                    + OnnxGraph.someNames(graph.outputs.stream().map(OnnxGraph.Value::name).toList()));
        }
        if (loss == null) {
            Activation last = activations.get(activations.size() - 1);
            if (last != Activation.IDENTITY) {
                throw new OnnxFormatException(file + ": the graph's last step is a " + opName(last) + " that nothing"
                        + " follows as an output; perceptron's models end in Softmax (classes), Sigmoid (MSE) or a dense"
                        + " layer (logits)");
            }
            loss = Loss.crossEntropy();
        }
        int inputs = widths.get(0);
        List<LayerSpec> hidden = new ArrayList<>();
        for (int layer = 1; layer < widths.size() - 1; layer++) {
            hidden.add(new LayerSpec.Dense(widths.get(layer), activations.get(layer - 1)));
        }
        int classes = widths.get(widths.size() - 1);
        NetworkSpec spec;
        try {
            spec = new NetworkSpec(inputs, hidden, classes, loss, Optional.empty());
        } catch (IllegalArgumentException e) {
            throw new OnnxFormatException(file + ": " + e.getMessage());
        }
        int[] size = OnnxMetadata.inputSize(graph.metadata, inputs, file);
        return Model.restore(spec, parameters, size[0], size[1], OnnxMetadata.classNames(graph.metadata, classes, file),
                OnnxMetadata.metadata(graph.metadata,
                (graph.producer + " " + graph.producerVersion).strip(), file));
    }

    /** The standard opset ("" or "ai.onnx"), 7 to {@link #NEWEST_OPSET}. */
    private void standardOpset() {
        Long opset = graph.opsets.containsKey("") ? graph.opsets.get("") : graph.opsets.get("ai.onnx");
        if (opset == null || opset < 7) {
            throw new OnnxFormatException(file + ": needs the standard ONNX operator set, version 7 or later; it imports "
                    + (graph.opsets.isEmpty() ? "none" : graph.opsets));
        }
        if (opset > NEWEST_OPSET) {
            throw new OnnxFormatException(file + ": uses operator set " + opset + "; perceptron knows versions 7 to "
                    + NEWEST_OPSET + " (ONNX Runtime refuses a version it does not know too)");
        }
    }

    /** The features per example the input declares ([N, 784], or [N, 1, 28, 28] flattened), or -1 when unnamed. */
    private static long features(OnnxGraph.Value input) {
        long[] dims = input.dims();
        if (dims.length < 2) {
            return -1;
        }
        long product = 1;
        for (int i = 1; i < dims.length; i++) {
            if (dims[i] <= 0) {
                return -1;
            }
            product *= dims[i];
        }
        return product;
    }

    private static String opName(Activation activation) {
        return switch (activation.id()) {
            case "relu" -> "Relu";
            case "sigmoid" -> "Sigmoid";
            case "tanh" -> "Tanh";
            default -> activation.id();
        };
    }

    /** The one graph input that is not an initializer, a float tensor. */
    private OnnxGraph.Value input() {
        List<OnnxGraph.Value> inputs = graph.inputs.stream().filter(v -> !graph.initializers.containsKey(v.name())).toList();
        if (inputs.size() != 1) {
            throw new OnnxFormatException(file + ": the graph has " + inputs.size() + " inputs "
                    + OnnxGraph.someNames(inputs.stream().map(OnnxGraph.Value::name).toList())
                    + "; perceptron reads graphs with one (the pixels)");
        }
        OnnxGraph.Value input = inputs.get(0);
        if (input.elementType() != FLOAT) {
            throw new OnnxFormatException(file + ": input '" + input.name() + "' is " + OnnxDecoder.typeName(input.elementType())
                    + "; perceptron reads float (FLOAT) inputs only");
        }
        return input;
    }

    private void step(OnnxGraph.Node node) {
        boolean standard = node.domain().isEmpty() || node.domain().equals("ai.onnx");
        if (labelBranch(node, standard)) {
            labels.addAll(node.outputs());
            return;
        }
        if (ended && standard && node.inputs().size() == 1 && node.inputs().get(0).equals(current)
                && node.outputs().size() == 1 && (node.opType().equals("Identity") || floatCast(node))) {
            current = node.outputs().get(0);  // a trailing Identity, or a Cast of float to float
            return;
        }
        if (ended && node.opType().equals("ZipMap") && node.domain().equals("ai.onnx.ml")
                && node.inputs().equals(List.of(current)) && node.outputs().size() == 1) {
            current = node.outputs().get(0);  // skl2onnx's probabilities as one map per image: the same numbers
            return;
        }
        if (!standard) {
            throw unsupported(node, "is in domain '" + node.domain() + "'");
        }
        if (!SUPPORTED.contains(node.opType())) {
            throw unsupported(node, "is not one perceptron reads");
        }
        if (node.inputs().isEmpty() || !node.inputs().contains(current) || node.outputs().size() != 1) {
            throw new OnnxFormatException(file + ": " + node.describe() + " does not continue the chain from '"
                    + OnnxGraph.shortName(current) + "': perceptron reads a single chain of nodes");
        }
        if (ended) {
            throw new OnnxFormatException(file + ": " + node.describe() + " follows the final "
                    + opName(loss.outputActivation()));
        }
        if (!node.otherAttributes().isEmpty()) {
            throw unsupported(node, "has attributes perceptron does not read: " + node.otherAttributes());
        }
        switch (node.opType()) {
            case "Gemm" -> gemm(node);
            case "MatMul" -> matMul(node);
            case "Add" -> add(node);
            case "Relu" -> activate(node, Activation.RELU);
            case "Tanh" -> activate(node, Activation.TANH);
            case "Sigmoid" -> {
                if (endsTheGraph(node.outputs().get(0))) {
                    end(node, Loss.meanSquaredError(Activation.SIGMOID));
                } else {
                    activate(node, Activation.SIGMOID);
                }
            }
            case "Softmax" -> softmax(node);
            case "Flatten" -> flatten(node);
            case "Reshape" -> reshape(node);
            case "Cast" -> {
                if (!floatCast(node)) {
                    throw unsupported(node, "casts to " + OnnxDecoder.typeName(node.attributes().getOrDefault("to", 0L).intValue())
                            + "; perceptron's values are float");
                }
            }
            default -> { }  // Identity: the values pass through unchanged
        }
        current = node.outputs().get(0);
    }

    /**
     * A node after the probabilities that only computes a label from them, or passes labels on:
     * its inputs are the probabilities, labels, or constants, and it is never on the chain.
     */
    private boolean labelBranch(OnnxGraph.Node node, boolean standard) {
        if (!ended || !LABEL_BRANCH.contains(node.opType()) || node.opType().equals("ZipMap")
                || !(standard || node.domain().equals("ai.onnx.ml"))) {
            return false;
        }
        boolean fromLabels = false;
        for (String input : node.inputs()) {
            if (labels.contains(input)) {
                fromLabels = true;
            } else if (!input.equals(current) && !input.isEmpty() && !graph.initializers.containsKey(input)) {
                return false;
            }
        }
        // ArgMax turns the probabilities into a label; the rest must work on labels.
        return fromLabels || node.opType().equals("ArgMax");
    }

    private static boolean floatCast(OnnxGraph.Node node) {
        return node.opType().equals("Cast") && node.attributes().getOrDefault("to", 0L).longValue() == FLOAT;
    }

    /** Flatten over axis 1 leaves [N, features] as it is; another axis would mix examples or features. */
    private void flatten(OnnxGraph.Node node) {
        long axis = node.attributes().getOrDefault("axis", 1L).longValue();
        if (axis != 1) {
            throw unsupported(node, "flattens from axis " + axis + "; perceptron reads Flatten over axis 1 only"
                    + " (one row of features per example)");
        }
    }

    /** A Reshape to [N, features] ([-1, F] or [0, F]) leaves the values as they are; any other is refused. */
    private void reshape(OnnxGraph.Node node) {
        OnnxGraph.Tensor target = node.inputs().size() == 2 ? graph.initializers.get(node.inputs().get(1)) : null;
        long[] shape = target == null ? null : target.integers();
        long width = widths.isEmpty() ? inputFeatures : widths.get(widths.size() - 1);
        boolean rows = shape != null && shape.length == 2 && (shape[0] == -1 || shape[0] == 0);
        if (!rows || !(shape[1] == -1 || shape[1] == width || (width < 0 && shape[1] > 0))) {
            throw unsupported(node, "reshapes to " + (shape == null ? "a shape that is not a constant" : java.util.Arrays.toString(shape))
                    + "; perceptron reads a Reshape to [-1, features] only");
        }
        if (width < 0 && shape[1] > 0) {
            inputFeatures = shape[1];
        }
    }

    private void gemm(OnnxGraph.Node node) {
        requireAttribute(node, "alpha", 1.0);
        requireAttribute(node, "beta", 1.0);
        requireAttribute(node, "transA", 0);
        boolean transposed = node.attributes().getOrDefault("transB", 0L).longValue() == 1;
        if (node.inputs().size() < 2 || !node.inputs().get(0).equals(current)) {
            throw unsupported(node, "does not take the chain's values as its first input");
        }
        matrix(node, node.inputs().get(1), transposed);
        int out = widths.get(widths.size() - 1);
        float[] biases = node.inputs().size() > 2 && !node.inputs().get(2).isEmpty()
                ? vector(node, node.inputs().get(2), out) : new float[out];
        parameters.add(biases);
        activations.add(Activation.IDENTITY);
    }

    private void matMul(OnnxGraph.Node node) {
        if (node.inputs().size() != 2 || !node.inputs().get(0).equals(current)) {
            throw unsupported(node, "does not multiply the chain's values by a weight matrix");
        }
        matrix(node, node.inputs().get(1), false);
        parameters.add(new float[widths.get(widths.size() - 1)]);  // zero biases until an Add brings them
        activations.add(Activation.IDENTITY);
    }

    private void add(OnnxGraph.Node node) {
        if (node.inputs().size() != 2 || parameters.isEmpty() || activations.get(activations.size() - 1) != Activation.IDENTITY) {
            throw unsupported(node, "is not a bias added to a dense layer's output");
        }
        String other = node.inputs().get(0).equals(current) ? node.inputs().get(1) : node.inputs().get(0);
        float[] biases = vector(node, other, widths.get(widths.size() - 1));
        float[] pending = parameters.get(parameters.size() - 1);
        for (int i = 0; i < biases.length; i++) {
            if (pending[i] != 0f) {
                throw unsupported(node, "adds a second bias to a dense layer");
            }
            pending[i] = biases[i];
        }
    }

    private void activate(OnnxGraph.Node node, Activation activation) {
        if (activations.isEmpty() || activations.get(activations.size() - 1) != Activation.IDENTITY) {
            throw unsupported(node, "does not follow a dense layer");
        }
        activations.set(activations.size() - 1, activation);
    }

    private void softmax(OnnxGraph.Node node) {
        long axis = node.attributes().getOrDefault("axis", -1L).longValue();
        if (axis != -1 && axis != 1) {
            throw unsupported(node, "is over axis " + axis + "; perceptron's is over the classes (axis 1 or -1)");
        }
        if (!endsTheGraph(node.outputs().get(0))) {
            throw unsupported(node, "is not the graph's last step");
        }
        end(node, Loss.crossEntropy());
    }

    /** The final output activation, which makes the model a cross-entropy or an MSE one. */
    private void end(OnnxGraph.Node node, Loss modelLoss) {
        if (activations.isEmpty() || activations.get(activations.size() - 1) != Activation.IDENTITY) {
            throw unsupported(node, "does not follow a dense layer");
        }
        loss = modelLoss;
        ended = true;
    }

    /**
     * Whether {@code value} is a graph output, or becomes one through pass-through steps only
     * (Identity, a Cast to float, ZipMap): then it is what the model answers.
     */
    private boolean endsTheGraph(String value) {
        String at = value;
        for (int hops = 0; hops <= graph.nodes.size(); hops++) {
            String here = at;
            if (graph.outputs.stream().anyMatch(output -> output.name().equals(here))) {
                return true;
            }
            OnnxGraph.Node next = graph.nodes.stream()
                    .filter(n -> n.inputs().equals(List.of(here)) && n.outputs().size() == 1
                            && (n.opType().equals("Identity") || floatCast(n) || n.opType().equals("ZipMap")))
                    .findFirst().orElse(null);
            if (next == null) {
                return false;
            }
            at = next.outputs().get(0);
        }
        return false;
    }

    /** Adds a weight initializer as [inputs, outputs] row-major, and records the layer's widths. */
    private void matrix(OnnxGraph.Node node, String name, boolean transposed) {
        OnnxGraph.Tensor tensor = floatInitializer(node, name);
        if (tensor.dims().length != 2) {
            throw unsupported(node, "multiplies by '" + name + "' of shape " + java.util.Arrays.toString(tensor.dims())
                    + ", not a matrix");
        }
        int rows = (int) tensor.dims()[transposed ? 1 : 0];
        int columns = (int) tensor.dims()[transposed ? 0 : 1];
        if (widths.isEmpty()) {
            if (inputFeatures > 0 && inputFeatures != rows) {
                throw unsupported(node, "takes " + rows + " values per example, but the graph's input '"
                        + OnnxGraph.shortName(inputName) + "' gives " + inputFeatures);
            }
            widths.add(rows);
        } else if (widths.get(widths.size() - 1) != rows) {
            throw unsupported(node, "takes " + rows + " values but the layer before gives " + widths.get(widths.size() - 1));
        }
        widths.add(columns);
        float[] weights = tensor.values();
        if (transposed) {
            float[] t = new float[weights.length];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < columns; c++) {
                    t[r * columns + c] = weights[c * rows + r];
                }
            }
            weights = t;
        }
        parameters.add(weights);
    }

    private float[] vector(OnnxGraph.Node node, String name, int length) {
        OnnxGraph.Tensor tensor = floatInitializer(node, name);
        long elements = tensor.values().length;
        boolean shaped = tensor.dims().length == 1 || (tensor.dims().length == 2 && tensor.dims()[0] == 1);
        if (!shaped || elements != length) {
            throw unsupported(node, "adds '" + name + "' of shape " + java.util.Arrays.toString(tensor.dims())
                    + ", not a bias of " + length + " values");
        }
        return tensor.values();
    }

    private OnnxGraph.Tensor floatInitializer(OnnxGraph.Node node, String name) {
        OnnxGraph.Tensor tensor = graph.initializers.get(name);
        if (tensor == null) {
            throw unsupported(node, "takes '" + name + "', which is not a constant (an initializer) of the graph");
        }
        if (tensor.values() == null) {
            throw unsupported(node, "takes '" + OnnxGraph.shortName(name) + "', which is "
                    + OnnxDecoder.typeName(tensor.elementType()) + ", not float (FLOAT) weights");
        }
        return tensor;
    }

    private void requireAttribute(OnnxGraph.Node node, String name, double expected) {
        Number value = node.attributes().get(name);
        if (value != null && value.doubleValue() != expected) {
            // An int attribute (transA) is printed as one, a float one (alpha) as a float.
            String wanted = value instanceof Long ? Long.toString((long) expected) : Double.toString(expected);
            throw unsupported(node, "has " + name + " = " + value + "; perceptron reads " + name + " = " + wanted);
        }
    }

    /** A committee's export ends in a Mean of its members' sections: said as such, not as its first odd node. */
    private void refuseCommittee() {
        for (OnnxGraph.Node node : graph.nodes) {
            boolean output = graph.outputs.stream().anyMatch(value -> node.outputs().contains(value.name()));
            if (node.opType().equals("Mean") && output) {
                throw new OnnxFormatException(file + ": the graph ends in a Mean of " + node.inputs().size() + " networks "
                        + "(a committee's export); perceptron reads single chains: load a committee from its JSON model file");
            }
        }
    }

    /**
     * Refuses the export of a network that normalises its digits ({@code train --normalise}): its
     * first nodes, named under {@code normalise.} by the exporter, reshape each image, which a chain
     * of dense layers cannot hold. Named by the exporter's node names, this only words the refusal.
     */
    private void refuseNormalisation() {
        for (OnnxGraph.Node node : graph.nodes) {
            if (node.name().startsWith(OnnxNormalisation.NODE_PREFIX)) {
                throw new OnnxFormatException(file + ": the graph normalises each image before its first layer (the export "
                        + "of a network trained with --normalise); perceptron reads plain chains of layers: load the "
                        + "network from its JSON model file");
            }
        }
    }

    private OnnxFormatException unsupported(OnnxGraph.Node node, String why) {
        return new OnnxFormatException(file + ": " + node.describe() + " " + why + " (perceptron reads chains of "
                + SUPPORTED_LIST + ")");
    }
}

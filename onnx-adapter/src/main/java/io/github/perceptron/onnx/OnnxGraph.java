package io.github.perceptron.onnx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of an ONNX file perceptron reads, decoded but not yet understood: opsets, metadata,
 * the graph's nodes, float initializers, inputs and outputs. {@link OnnxImporter} makes a model of it.
 */
final class OnnxGraph {

    /** A node: its op type and domain, named inputs and outputs, and int or float attributes. */
    record Node(int index, String name, String opType, String domain, List<String> inputs, List<String> outputs,
                Map<String, Number> attributes, List<String> otherAttributes) {
        String describe() {
            return "node " + index + (name.isEmpty() ? "" : " '" + name + "'") + " (" + opType + ")";
        }
    }

    /**
     * A constant tensor: its values when it is float; for another element type, null, with the
     * values of a small int64 one (a Reshape's shape) in {@code integers}.
     */
    record Tensor(String name, long[] dims, float[] values, int elementType, long[] integers) {
    }

    /** A graph input or output: name, element type and dimensions (-1 for a named one). */
    record Value(String name, int elementType, long[] dims) {
    }

    /** A name as messages quote it: at most 60 characters. */
    static String shortName(String name) {
        return name.length() <= 60 ? name : name.substring(0, 60) + "…";
    }

    /** At most five names, and how many more: messages never quote a whole list. */
    static String someNames(List<String> names) {
        List<String> first = names.stream().limit(5).map(OnnxGraph::shortName).toList();
        return first + (names.size() > 5 ? " and " + (names.size() - 5) + " more" : "");
    }

    long irVersion;
    String producer = "";
    String producerVersion = "";
    final Map<String, Long> opsets = new LinkedHashMap<>();
    final Map<String, String> metadata = new LinkedHashMap<>();
    final List<Node> nodes = new ArrayList<>();
    final Map<String, Tensor> initializers = new LinkedHashMap<>();
    final List<Value> inputs = new ArrayList<>();
    final List<Value> outputs = new ArrayList<>();
}

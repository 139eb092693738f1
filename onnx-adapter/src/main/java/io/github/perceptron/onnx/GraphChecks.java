package io.github.perceptron.onnx;

import java.util.HashMap;
import java.util.Map;

/**
 * What ONNX Runtime checks before it runs a graph, and so must perceptron before it reads one:
 * every name is assigned once (an input, an initializer, or one node's output: SSA form), and every
 * node input and graph output names something defined before it. A graph that breaks these gets
 * one answer from ONNX Runtime (a refusal) and must not get another here.
 */
final class GraphChecks {

    private GraphChecks() {
    }

    static void check(OnnxGraph graph, String file) {
        Map<String, String> definedBy = new HashMap<>();
        for (OnnxGraph.Value input : graph.inputs) {
            // Before IR 4 every initializer is listed as an input too: the one name, twice, is fine there.
            if (definedBy.putIfAbsent(input.name(), "the graph's input") != null && !graph.initializers.containsKey(input.name())) {
                throw twice(file, input.name(), "the graph's inputs");
            }
        }
        for (String name : graph.initializers.keySet()) {
            String before = definedBy.putIfAbsent(name, "an initializer");
            if (before != null && !before.equals("the graph's input")) {
                throw twice(file, name, before);
            }
        }
        for (OnnxGraph.Node node : graph.nodes) {
            for (String input : node.inputs()) {
                if (!input.isEmpty() && !definedBy.containsKey(input)) {
                    throw new OnnxFormatException(file + ": " + node.describe() + " takes '" + OnnxGraph.shortName(input)
                            + "', which nothing before it defines (not an input, an initializer or an earlier node's output)");
                }
            }
            for (String output : node.outputs()) {
                if (output.isEmpty()) {
                    continue;
                }
                String before = definedBy.putIfAbsent(output, node.describe());
                if (before != null) {
                    throw twice(file, output, before + " and " + node.describe());
                }
            }
        }
        for (OnnxGraph.Value output : graph.outputs) {
            if (!definedBy.containsKey(output.name())) {
                throw new OnnxFormatException(file + ": the graph's output '" + OnnxGraph.shortName(output.name())
                        + "' is not computed by any node");
            }
        }
    }

    private static OnnxFormatException twice(String file, String name, String where) {
        return new OnnxFormatException(file + ": '" + OnnxGraph.shortName(name) + "' is assigned twice (by " + where
                + "); an ONNX graph assigns each name once");
    }
}

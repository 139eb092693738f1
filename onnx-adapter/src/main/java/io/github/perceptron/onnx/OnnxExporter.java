package io.github.perceptron.onnx;

import io.github.perceptron.core.layer.Activation;
import io.github.perceptron.core.layer.LayerSpec;
import io.github.perceptron.core.model.Model;
import io.github.perceptron.core.network.NetworkSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a model as an ONNX graph (opset {@value #OPSET}): input {@code pixels} float [N, inputs]
 * with a named batch dimension; per dense layer a {@code Gemm} on its [inputs, outputs] row-major
 * weights and its biases, then its activation; Softmax after the last layer for cross-entropy
 * models, Sigmoid for MSE ones, as the model computes them; output {@code probabilities}
 * [N, classes]. Dropout, which only acts in training, is left out. A committee's members are
 * each such a section of the graph, their names prefixed {@code member1.}, {@code member2.}, …,
 * all reading {@code pixels}, and one {@code Mean} of their probabilities gives {@code probabilities}.
 */
final class OnnxExporter {

    static final int OPSET = 13;
    /** IR version 8 (ONNX 1.10): what opset 13 needs, read by every current runtime. */
    static final int IR_VERSION = 8;
    static final String INPUT = "pixels";
    static final String OUTPUT = "probabilities";
    static final String BATCH = "N";
    private static final int FLOAT = 1;

    private OnnxExporter() {
    }

    static byte[] export(Model model) {
        ProtoWriter graph = new ProtoWriter();
        if (model.isCommittee()) {
            // Each member's nodes and weights under its own prefix, then one Mean of their probabilities.
            List<String> votes = new ArrayList<>();
            for (int k = 0; k < model.members().size(); k++) {
                String prefix = "member" + (k + 1) + ".";
                network(graph, model.members().get(k), prefix, prefix + OUTPUT);
                votes.add(prefix + OUTPUT);
            }
            node(graph, "Mean", "committee.mean", votes, OUTPUT);
        } else {
            network(graph, model, "", OUTPUT);
        }
        graph.string(2, "perceptron");
        graph.message(11, v -> valueInfo(v, INPUT, model.width() * model.height()));
        graph.message(12, v -> valueInfo(v, OUTPUT, model.classNames().size()));

        ProtoWriter file = new ProtoWriter()
                .int64(1, IR_VERSION)
                .string(2, "perceptron")
                .string(3, model.metadata().toolVersion())
                .message(8, opset -> opset.string(1, "").int64(2, OPSET))
                .bytes(7, graph.toByteArray());
        for (Map.Entry<String, String> prop : OnnxMetadata.of(model).entrySet()) {
            file.message(14, entry -> entry.string(1, prop.getKey()).string(2, prop.getValue()));
        }
        return file.toByteArray();
    }

    /**
     * One network's nodes and weights, from {@link #INPUT} (through its input normalisation, if it
     * has one) to {@code output}, each name after {@code prefix}.
     */
    private static void network(ProtoWriter graph, Model model, String prefix, String output) {
        NetworkSpec spec = model.spec();
        List<float[]> parameters = model.weights();
        List<Activation> activations = new ArrayList<>();
        for (LayerSpec layer : spec.hidden()) {
            if (layer instanceof LayerSpec.Dense dense) {
                activations.add(dense.activation());
            }
        }
        activations.add(spec.loss().outputActivation());
        List<Integer> sizes = spec.sizes();
        String current = model.inputNormalisation().isNone() ? INPUT
                : OnnxNormalisation.write(graph, prefix, model.inputNormalisation(), INPUT, model.width(), model.height());
        for (int layer = 0; layer < activations.size(); layer++) {
            String gemm = prefix + "dense" + layer;
            String weights = gemm + ".weights";
            String biases = gemm + ".biases";
            int in = sizes.get(layer);
            int out = sizes.get(layer + 1);
            boolean last = layer == activations.size() - 1;
            Activation activation = activations.get(layer);
            String produced = activation == Activation.IDENTITY && last ? output : gemm;
            node(graph, "Gemm", gemm, List.of(current, weights, biases), produced);
            initializer(graph, weights, new long[] {in, out}, parameters.get(2 * layer));
            initializer(graph, biases, new long[] {out}, parameters.get(2 * layer + 1));
            current = produced;
            if (activation != Activation.IDENTITY) {
                String result = last ? output : gemm + "." + activation.id();
                node(graph, opType(activation), gemm + "." + activation.id(), List.of(current), result);
                current = result;
            }
        }
    }

    private static String opType(Activation activation) {
        return switch (activation) {
            case RELU -> "Relu";
            case SIGMOID -> "Sigmoid";
            case TANH -> "Tanh";
            case SOFTMAX -> "Softmax";
            case IDENTITY -> throw new IllegalArgumentException("identity has no node");
        };
    }

    private static void node(ProtoWriter graph, String opType, String name, List<String> inputs, String output) {
        graph.message(1, node -> {
            inputs.forEach(input -> node.string(1, input));
            node.string(2, output).string(3, name).string(4, opType);
        });
    }

    private static void initializer(ProtoWriter graph, String name, long[] dims, float[] values) {
        graph.message(5, tensor -> {
            for (long dim : dims) {
                tensor.int64(1, dim);
            }
            tensor.int64(2, FLOAT).string(8, name).bytes(9, ProtoWriter.littleEndian(values));
        });
    }

    /** A float tensor [N, width] with the batch dimension named. */
    private static void valueInfo(ProtoWriter value, String name, int width) {
        value.string(1, name).message(2, type -> type.message(1, tensor -> tensor
                .int64(1, FLOAT)
                .message(2, shape -> shape
                        .message(1, dim -> dim.string(2, BATCH))
                        .message(1, dim -> dim.int64(1, width)))));
    }
}

package io.github.perceptron.onnx;

import static io.github.perceptron.onnx.HandWrittenOnnx.floatTensor;
import static io.github.perceptron.onnx.HandWrittenOnnx.intAttribute;
import static io.github.perceptron.onnx.HandWrittenOnnx.message;
import static io.github.perceptron.onnx.HandWrittenOnnx.model;
import static io.github.perceptron.onnx.HandWrittenOnnx.node;
import static io.github.perceptron.onnx.HandWrittenOnnx.value;

import java.io.ByteArrayOutputStream;

/** 4 → 2 classifiers in the shapes other exporters write them, and bombs: for the findings and fuzz tests. */
final class ExporterShapes {

    private ExporterShapes() {
    }

    /** skl2onnx's MLPClassifier: Cast, MatMul + Add, Softmax, the label branch, and ZipMap or Identity. */
    static HandWrittenOnnx skl2onnx(float[] W, float[] B, boolean zipMap) {
        HandWrittenOnnx graph = message().sub(1, node("Cast", "xf", "x").sub(5, intAttribute("to", 1)))
                .sub(1, node("MatMul", "m", "xf", "W")).sub(1, node("Add", "o", "m", "B"))
                .sub(1, node("Softmax", "probability_tensor", "o"))
                .sub(1, node("ArgMax", "argmax", "probability_tensor").sub(5, intAttribute("axis", 1)))
                .sub(1, node("ArrayFeatureExtractor", "label_array", "classes", "argmax").text(7, "ai.onnx.ml"))
                .sub(1, node("Cast", "output_label", "label_array").sub(5, intAttribute("to", 7)))
                .sub(1, zipMap ? node("ZipMap", "output_probability", "probability_tensor").text(7, "ai.onnx.ml")
                        : node("Identity", "output_probability", "probability_tensor"))
                .sub(5, floatTensor("W", W, 4, 2)).sub(5, floatTensor("B", B, 2))
                .sub(5, message().varint(1, 2).varint(2, 6).text(8, "classes").blob(9, new byte[8]))
                .sub(11, value("x", 1, -1, 4))
                .sub(12, value("output_label", 7, -1)).sub(12, value("output_probability", 1, -1, 2));
        HandWrittenOnnx onnx = message().varint(1, 8).text(2, "skl2onnx")
                .sub(8, message().text(1, "").varint(2, 17)).sub(8, message().text(1, "ai.onnx.ml").varint(2, 1))
                .sub(7, graph);
        return onnx;
    }

    /** The chain with W in {@code location} at {@code offset} and B inline. */
    static HandWrittenOnnx external(float[] W, float[] B, String location, long offset, long length) {
        HandWrittenOnnx w = message().varint(1, 4).varint(1, 2).varint(2, 1).text(8, "W")
                .sub(13, message().text(1, "location").text(2, location))
                .sub(13, message().text(1, "offset").text(2, Long.toString(offset)))
                .sub(13, message().text(1, "length").text(2, Long.toString(length))).varint(14, 1);
        return model(message().sub(1, node("Gemm", "o", "x", "W", "B")).sub(1, node("Softmax", "y", "o"))
                .sub(5, w).sub(5, floatTensor("B", B, 2))
                .sub(11, value("x", 1, -1, 4)).sub(12, value("y", 1, -1, 2)), 13);
    }

    /** {@code count} copies of {@code element} as field {@code field} of a graph, in a model: a bomb of valid protobuf. */
    static byte[] repeated(int field, byte[] element, int count) {
        ByteArrayOutputStream graph = new ByteArrayOutputStream();
        byte[] one = message().blob(field, element).bytes();
        for (int i = 0; i < count; i++) {
            graph.writeBytes(one);
        }
        return modelAround(graph.toByteArray());
    }

    static byte[] modelAround(byte[] graph) {
        return message().varint(1, 8).sub(8, message().text(1, "").varint(2, 13)).blob(7, graph).bytes();
    }
}

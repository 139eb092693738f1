package io.github.perceptron.onnx;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * An ONNX writer for the import tests, independent of the exporter: each message is spelled out
 * field by field from the schema, so that files shaped as other tools write them (MatMul + Add,
 * transposed Gemm, Flatten, other types) can be built.
 */
final class HandWrittenOnnx {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    static HandWrittenOnnx message() {
        return new HandWrittenOnnx();
    }

    HandWrittenOnnx varint(int field, long value) {
        key(field, 0);
        raw(value);
        return this;
    }

    HandWrittenOnnx text(int field, String value) {
        return blob(field, value.getBytes(StandardCharsets.UTF_8));
    }

    HandWrittenOnnx blob(int field, byte[] value) {
        key(field, 2);
        raw(value.length);
        bytes.writeBytes(value);
        return this;
    }

    HandWrittenOnnx sub(int field, HandWrittenOnnx message) {
        return blob(field, message.bytes());
    }

    HandWrittenOnnx float32(int field, float value) {
        key(field, 5);
        int bits = Float.floatToRawIntBits(value);
        for (int i = 0; i < 4; i++) {
            bytes.write(bits >>> (8 * i) & 0xFF);
        }
        return this;
    }

    byte[] bytes() {
        return bytes.toByteArray();
    }

    private void key(int field, int wire) {
        raw((long) field << 3 | wire);
    }

    private void raw(long value) {
        do {
            int low = (int) (value & 0x7F);
            value >>>= 7;
            bytes.write(value != 0 ? low | 0x80 : low);
        } while (value != 0);
    }

    // ONNX messages, by the schema's field numbers.

    static HandWrittenOnnx model(HandWrittenOnnx graph, int opset) {
        return message().varint(1, 8).text(2, "hand-written").sub(8, message().text(1, "").varint(2, opset)).sub(7, graph);
    }

    static HandWrittenOnnx node(String opType, String output, String... inputs) {
        HandWrittenOnnx node = message();
        for (String input : inputs) {
            node.text(1, input);
        }
        return node.text(2, output).text(3, opType.toLowerCase() + "_" + output).text(4, opType);
    }

    static HandWrittenOnnx intAttribute(String name, long value) {
        return message().text(1, name).varint(20, 2).varint(3, value);
    }

    static HandWrittenOnnx floatTensor(String name, float[] values, long... dims) {
        HandWrittenOnnx tensor = message();
        for (long dim : dims) {
            tensor.varint(1, dim);
        }
        ByteBuffer raw = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            raw.putFloat(v);
        }
        return tensor.varint(2, 1).text(8, name).blob(9, raw.array());
    }

    /** A float tensor value [dims...], -1 for a named dimension. */
    static HandWrittenOnnx value(String name, int elementType, long... dims) {
        HandWrittenOnnx shape = message();
        for (long dim : dims) {
            shape.sub(1, dim < 0 ? message().text(2, "batch") : message().varint(1, dim));
        }
        return message().text(1, name).sub(2, message().sub(1, message().varint(1, elementType).sub(2, shape)));
    }
}

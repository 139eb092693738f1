package io.github.perceptron.cli;

import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * ONNX files of valid protobuf built to exhaust a reader (issue 28), 64 MB each: a repeated field
 * far past what any MLP needs. {@code scripts/onnx/bombs.py} writes the same shapes at any size.
 */
final class OnnxBombs {

    private static final int SIZE = 64 << 20;

    /** Each bomb by name, made when asked (they are large). */
    static final Map<String, Supplier<byte[]>> ALL = new LinkedHashMap<>();

    static {
        ALL.put("empty nodes", () -> model(repeated(1, new byte[0], SIZE)));
        ALL.put("empty graph inputs", () -> model(repeated(11, new byte[0], SIZE)));
        ALL.put("metadata entries", () -> concat(new byte[] {8, 8}, repeated(14, new byte[0], SIZE)));
        ALL.put("inputs of one node", () -> model(field(1, repeated(1, new byte[0], SIZE))));
        ALL.put("dims of one tensor", () -> {
            ByteArrayOutputStream dims = new ByteArrayOutputStream();
            for (int i = 0; i < SIZE / 2; i++) {
                dims.write(8);
                dims.write(1);
            }
            return model(field(5, dims.toByteArray()));
        });
    }

    private OnnxBombs() {
    }

    /**
     * A 784 → 10 classifier as another tool writes it: producer "pytorch" 2.13.0, no perceptron
     * metadata, zero weights.
     */
    static byte[] foreignModel() {
        byte[] weights = concat(varint(8), varint(784), varint(8), varint(10), varint(16), varint(1),
                field(8, "W".getBytes()), field(9, new byte[784 * 10 * 4]));
        byte[] bias = concat(varint(8), varint(10), varint(16), varint(1), field(8, "B".getBytes()), field(9, new byte[40]));
        byte[] gemm = concat(field(1, "x".getBytes()), field(1, "W".getBytes()), field(1, "B".getBytes()),
                field(2, "o".getBytes()), field(4, "Gemm".getBytes()));
        byte[] softmax = concat(field(1, "o".getBytes()), field(2, "y".getBytes()), field(4, "Softmax".getBytes()));
        byte[] graph = concat(field(1, gemm), field(1, softmax), field(5, weights), field(5, bias),
                field(11, value("x", 784)), field(12, value("y", 10)));
        byte[] opset = field(8, concat(field(1, new byte[0]), new byte[] {16, 17}));
        return concat(new byte[] {8, 8}, field(2, "pytorch".getBytes()), field(3, "2.13.0".getBytes()), opset, field(7, graph));
    }

    /** A float tensor value [batch, width]. */
    private static byte[] value(String name, int width) {
        byte[] shape = concat(field(1, field(2, "batch".getBytes())), field(1, concat(varint(8), varint(width))));
        byte[] tensorType = concat(varint(8), varint(1), field(2, shape));
        return concat(field(1, name.getBytes()), field(2, field(1, tensorType)));
    }

    private static byte[] model(byte[] graph) {
        byte[] opset = field(8, concat(field(1, new byte[0]), new byte[] {16, 13}));
        return concat(new byte[] {8, 8}, opset, field(7, graph));
    }

    private static byte[] repeated(int number, byte[] element, int size) {
        byte[] one = field(number, element);
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        for (int written = 0; written + one.length <= size; written += one.length) {
            out.writeBytes(one);
        }
        return out.toByteArray();
    }

    static byte[] field(int number, byte[] payload) {
        return concat(varint((long) number << 3 | 2), varint(payload.length), payload);
    }

    static byte[] varint(long value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        do {
            int low = (int) (value & 0x7F);
            value >>>= 7;
            out.write(value != 0 ? low | 0x80 : low);
        } while (value != 0);
        return out.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}

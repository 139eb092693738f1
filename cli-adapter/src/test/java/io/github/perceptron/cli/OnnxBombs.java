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

    private static byte[] field(int number, byte[] payload) {
        return concat(varint((long) number << 3 | 2), varint(payload.length), payload);
    }

    private static byte[] varint(long value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        do {
            int low = (int) (value & 0x7F);
            value >>>= 7;
            out.write(value != 0 ? low | 0x80 : low);
        } while (value != 0);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}

package io.github.perceptron.onnx;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads protocol-buffer fields from a byte range, trusting nothing: every length is checked
 * against the bytes that remain before anything is allocated, varints longer than ten bytes and
 * unknown wire types are refused, and nesting is limited. Errors are {@link OnnxFormatException}s
 * naming what was being read.
 */
final class ProtoReader {

    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LENGTH_DELIMITED = 2;
    static final int FIXED32 = 5;
    private static final int MAX_DEPTH = 16;

    private final byte[] data;
    private final int end;
    private final String what;
    private final int depth;
    private int position;
    private int field;
    private int wireType;

    ProtoReader(byte[] data, String what) {
        this(data, 0, data.length, what, 0);
    }

    private ProtoReader(byte[] data, int from, int to, String what, int depth) {
        if (depth > MAX_DEPTH) {
            throw new OnnxFormatException(what + ": messages nested more than " + MAX_DEPTH + " deep");
        }
        this.data = data;
        this.position = from;
        this.end = to;
        this.what = what;
        this.depth = depth;
    }

    /** Moves to the next field; false at the end of the message. */
    boolean next() {
        if (position >= end) {
            return false;
        }
        long key = varint("a field key");
        field = (int) (key >>> 3);
        wireType = (int) (key & 7);
        if (field < 1 || key >>> 3 > Integer.MAX_VALUE) {
            throw corrupt("field number " + (key >>> 3));
        }
        if (wireType != VARINT && wireType != FIXED64 && wireType != LENGTH_DELIMITED && wireType != FIXED32) {
            throw corrupt("wire type " + wireType + " of field " + field);
        }
        return true;
    }

    /** Bytes left in this message. */
    int remaining() {
        return end - position;
    }

    int field() {
        return field;
    }

    int wireType() {
        return wireType;
    }

    long int64() {
        expect(VARINT);
        return varint("field " + field);
    }

    String string() {
        byte[] bytes = bytes();
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw corrupt("text of field " + field + " is not UTF-8");
        }
    }

    byte[] bytes() {
        int length = length();
        byte[] bytes = java.util.Arrays.copyOfRange(data, position, position + length);
        position += length;
        return bytes;
    }

    /** The bytes of this field, as a read-only view of the file's, without copying them. */
    java.nio.ByteBuffer view() {
        int length = length();
        java.nio.ByteBuffer view = java.nio.ByteBuffer.wrap(data, position, length).slice().asReadOnlyBuffer();
        position += length;
        return view;
    }

    /** The nested message in this field, read by its own reader. */
    ProtoReader message(String name) {
        int length = length();
        ProtoReader nested = new ProtoReader(data, position, position + length, what + " › " + name, depth + 1);
        position += length;
        return nested;
    }

    /** Receives floats one at a time, unboxed. */
    interface FloatSink {
        void accept(float value);
    }

    /** A float field, as one value (fixed32) or packed. */
    void floats(FloatSink each) {
        if (wireType == FIXED32) {
            each.accept(Float.intBitsToFloat(fixed32()));
            return;
        }
        int length = length();
        if (length % 4 != 0) {
            throw corrupt("packed floats of " + length + " bytes");
        }
        int stop = position + length;
        while (position < stop) {
            each.accept(Float.intBitsToFloat(fixed32()));
        }
    }

    /** An int64 field, as one varint or packed. */
    void int64s(java.util.function.LongConsumer each) {
        if (wireType == VARINT) {
            each.accept(varint("field " + field));
            return;
        }
        int length = length();
        int stop = position + length;
        while (position < stop) {
            each.accept(varint("field " + field));
        }
        if (position != stop) {
            throw corrupt("packed integers overrun their length");
        }
    }

    void skip() {
        switch (wireType) {
            case VARINT -> varint("field " + field);
            case FIXED64 -> advance(8);
            case FIXED32 -> advance(4);
            default -> advance(length());
        }
    }

    private int fixed32() {
        advance(4);
        int p = position - 4;
        return (data[p] & 0xFF) | (data[p + 1] & 0xFF) << 8 | (data[p + 2] & 0xFF) << 16 | (data[p + 3] & 0xFF) << 24;
    }

    private int length() {
        expect(LENGTH_DELIMITED);
        long length = varint("the length of field " + field);
        if (length < 0 || length > end - position) {
            throw corrupt("field " + field + " claims " + length + " bytes but " + (end - position) + " remain");
        }
        return (int) length;
    }

    private void advance(int bytes) {
        if (bytes > end - position) {
            throw corrupt("field " + field + " is cut short");
        }
        position += bytes;
    }

    private long varint(String of) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (position >= end) {
                throw corrupt(of + " is cut short");
            }
            byte b = data[position++];
            value |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return value;
            }
        }
        throw corrupt(of + " is a varint longer than 10 bytes");
    }

    private void expect(int type) {
        if (wireType != type) {
            throw corrupt("field " + field + " has wire type " + wireType + ", expected " + type);
        }
    }

    private OnnxFormatException corrupt(String detail) {
        return new OnnxFormatException(what + ": not a valid protobuf (" + detail + ")");
    }
}

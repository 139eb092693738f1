package io.github.perceptron.persistence;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.FloatNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.perceptron.core.model.ModelStoreException;
import io.github.perceptron.core.network.NetworkSpec;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads a model document into a JSON tree whose arrays of numbers are float arrays, 4 bytes a
 * number: a tree of number nodes takes about 100 bytes a number, so a 600 MB model file needed
 * gigabytes and thrashed the collector. The numbers of the whole document are bounded by what the
 * largest checkpoint can hold, so a forged file fails with a message, not with memory exhausted.
 * Each float is parsed from its text as float32 (never through a double: Jackson's float parsing,
 * correctly rounded), so values round-trip exactly; numbers outside arrays keep their full precision.
 */
final class CompactTree {

    /** A checkpoint's parameters with three optimiser slots each (Adam), and an example order of 2^24. */
    static final long MAX_NUMBERS = 4 * NetworkSpec.MAX_PARAMETERS + (1L << 24);

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private final JsonParser parser;
    private final Path file;
    private final long maxNumbers;
    private long numbers;
    private long checksumCovers = -1;

    private CompactTree(JsonParser parser, Path file, long maxNumbers) {
        this.parser = parser;
        this.file = file;
        this.maxNumbers = maxNumbers;
    }

    /**
     * A document as read: its root value (null for an empty document), and how many of its first
     * bytes its {@code checksum} field covers (-1 without one).
     */
    record Document(JsonNode root, long checksumCovers) {
    }

    /**
     * Reads the document; the parser is left after it. More than {@code maxNumbers} numbers in
     * arrays are refused as they are read.
     */
    static Document read(JsonParser parser, Path file, long maxNumbers) throws IOException {
        if (parser.nextToken() == null) {
            return new Document(null, -1);
        }
        CompactTree tree = new CompactTree(parser, file, maxNumbers);
        JsonNode root = tree.value("");
        return new Document(root, tree.checksumCovers);
    }

    private JsonNode value(String path) throws IOException {
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT:
                return object(path);
            case START_ARRAY:
                return array(path);
            case VALUE_STRING:
                return TextNode.valueOf(parser.getText());
            case VALUE_TRUE:
            case VALUE_FALSE:
                return BooleanNode.valueOf(token == JsonToken.VALUE_TRUE);
            case VALUE_NULL:
                return NullNode.getInstance();
            case VALUE_NUMBER_INT:
                return integer();
            case VALUE_NUMBER_FLOAT:
                return DecimalNode.valueOf(parser.getDecimalValue());
            default:
                throw new ModelStoreException(file + ": unexpected " + token + " at " + describe(path));
        }
    }

    private JsonNode integer() throws IOException {
        switch (parser.getNumberType()) {
            case INT:
                return IntNode.valueOf(parser.getIntValue());
            case LONG:
                return LongNode.valueOf(parser.getLongValue());
            default:
                BigInteger big = parser.getBigIntegerValue();
                return NODES.numberNode(big);
        }
    }

    private ObjectNode object(String path) throws IOException {
        ObjectNode object = NODES.objectNode();
        long valueEnd = parser.currentLocation().getByteOffset();
        for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
            if (path.isEmpty() && name.equals(Checksum.FIELD)) {
                checksumCovers = valueEnd;
            }
            parser.nextToken();
            object.set(name, value(path.isEmpty() ? name : path + "." + name));
            valueEnd = parser.currentLocation().getByteOffset();
        }
        return object;
    }

    private ArrayNode array(String path) throws IOException {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
            return numbers(path);
        }
        ArrayNode array = NODES.arrayNode();
        for (int i = 0; token != JsonToken.END_ARRAY; token = parser.nextToken(), i++) {
            array.add(value(path + "[" + i + "]"));
        }
        return array;
    }

    /** An array that starts with a number holds only numbers: the format has no mixed arrays. */
    private ArrayNode numbers(String path) throws IOException {
        float[] values = new float[16];
        int size = 0;
        boolean integral = true;
        for (JsonToken token = parser.currentToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
                throw new ModelStoreException(file + ": field '" + path + "[" + size + "]' must be a number like the "
                        + "rest of its array");
            }
            if (++numbers > maxNumbers) {
                throw new ModelStoreException(file + ": more than " + maxNumbers + " numbers, more than any model "
                        + "or checkpoint holds");
            }
            float value = parser.getFloatValue();
            if (!Float.isFinite(value)) {
                throw new ModelStoreException(file + ": field '" + path + "[" + size + "]' is not a finite float32: "
                        + parser.getText());
            }
            integral &= token == JsonToken.VALUE_NUMBER_INT;
            if (size == values.length) {
                values = Arrays.copyOf(values, (int) Math.min(Integer.MAX_VALUE - 8, values.length * 2L));
            }
            values[size++] = value;
        }
        return new FloatArrayNode(Arrays.copyOf(values, size), integral);
    }

    private static String describe(String path) {
        return path.isEmpty() ? "the top" : "'" + path + "'";
    }

    /**
     * An array of numbers held as floats. Read-only: {@link #get} gives each element as a number
     * node, integers as {@link IntNode} when every element was written as an integer.
     */
    static final class FloatArrayNode extends ArrayNode {

        private static final long serialVersionUID = 1L;

        private final float[] values;
        private final boolean integral;

        FloatArrayNode(float[] values, boolean integral) {
            super(NODES);
            this.values = values;
            this.integral = integral;
        }

        /** The numbers themselves, without a node each. */
        float[] floats() {
            return values;
        }

        @Override
        public int size() {
            return values.length;
        }

        @Override
        public boolean isEmpty() {
            return values.length == 0;
        }

        @Override
        public JsonNode get(int index) {
            if (index < 0 || index >= values.length) {
                return null;
            }
            float value = values[index];
            if (integral && value == (int) value) {
                return IntNode.valueOf((int) value);
            }
            return FloatNode.valueOf(value);
        }

        @Override
        public java.util.Iterator<JsonNode> elements() {
            return java.util.stream.IntStream.range(0, values.length).mapToObj(this::get).iterator();
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder("[");
            for (int i = 0; i < values.length; i++) {
                text.append(i == 0 ? "" : ",").append(get(i));
            }
            return text.append(']').toString();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof FloatArrayNode that && Arrays.equals(values, that.values) && integral == that.integral;
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }
    }
}

package io.github.perceptron.onnx;

import io.github.perceptron.core.data.InputNormalisation;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * A network's input normalisation as ONNX nodes (opset 13), computing exactly what
 * {@link InputNormalisation} computes, operation for operation in float64, so that the bytes
 * agree: the pixels rounded to bytes; the ink's centre of mass (sums of whole numbers, exact in
 * any order); for a deskew its second moments summed pixel by pixel in row-major order
 * ({@code CumSum}, as core sums them); each output pixel's source position, its four neighbours
 * gathered ({@code GatherElements}, background outside) and weighted {@code (1−f, f)} from
 * {@code f = x − floor(x)}, added in core's order; rounded to bytes again and scaled back to
 * [0,1]. Every tensor is [N, H·W] or smaller. Every name is under the member's prefix and
 * {@code normalise.}.
 */
final class OnnxNormalisation {

    /** What every node name of a normalisation starts with, after the member's prefix. */
    static final String NODE_PREFIX = "normalise.";
    private static final int FLOAT = 1;
    private static final int INT64 = 7;
    private static final int DOUBLE = 11;
    private static final int ATTRIBUTE_INT = 2;
    private static final int ATTRIBUTE_INTS = 7;

    private final ProtoWriter graph;
    private final String prefix;
    private final int width;
    private final int height;
    private final java.util.Set<String> written = new java.util.HashSet<>();
    private int made;

    private OnnxNormalisation(ProtoWriter graph, String prefix, int width, int height) {
        this.graph = graph;
        this.prefix = prefix + NODE_PREFIX;
        this.width = width;
        this.height = height;
    }

    /**
     * Writes the nodes that normalise {@code input} ([N, width·height] floats) as {@code normalisation} says.
     *
     * @return the name of the normalised [N, width·height] floats
     */
    static String write(ProtoWriter graph, String prefix, InputNormalisation normalisation, String input, int width,
                        int height) {
        OnnxNormalisation nodes = new OnnxNormalisation(graph, prefix, width, height);
        String image = nodes.bytesOf(input);
        String normalised = switch (normalisation.kind()) {
            case NONE -> image;
            case DESKEW -> nodes.deskew(image);
            case WIDTH -> nodes.stretchToWidth(image, normalisation.inkWidth());
        };
        return nodes.scaledBack(normalised);
    }

    /** [N, H·W] doubles 0..255: each pixel rounded to the nearest byte, as {@code round(v·255)}. */
    private String bytesOf(String input) {
        String rounded = op("Round", op("Mul", input, floats("255", 255f)));
        return op("Cast", List.of(rounded), intAttribute("to", DOUBLE));
    }

    /** [N, H·W] floats: {@code b · (1/255)} in float, as training scales a byte. */
    private String scaledBack(String image) {
        return op("Mul", op("Cast", List.of(image), intAttribute("to", FLOAT)), floats("unit", 1f / 255f));
    }

    /** Sheared upright by the second moments, about the centre of mass, which moves to the centre. */
    private String deskew(String image) {
        String[] centre = centreOfMass(image);
        String meanRow = centre[0];
        String meanColumn = centre[1];
        // Σ v·(r−r̄)·(r−r̄) and Σ v·(r−r̄)·(c−c̄), each term as core forms it, summed in core's order.
        String rowDistance = op("Sub", pixelRows(), meanRow);
        String columnDistance = op("Sub", pixelColumns(), meanColumn);
        String weighted = op("Mul", image, rowDistance);
        String rowVariance = lastOfCumulativeSum(op("Mul", weighted, rowDistance));
        String covariance = lastOfCumulativeSum(op("Mul", weighted, columnDistance));
        String sheared = op("Greater", rowVariance, doubles("zero", 0));
        String skew = op("Where", sheared, op("Div", covariance, op("Where", sheared, rowVariance, doubles("one", 1))),
                doubles("zero", 0));
        // Output (r, c) reads row (r − centre) + r̄ and column ((c − centre) + c̄) + skew·(r − centre).
        String rowOffsets = constant("row.offsets", (r, c) -> r - (height - 1) / 2.0);
        String rows = op("Add", rowOffsets, meanRow);
        String columns = op("Add", op("Add", constant("column.offsets", (r, c) -> c - (width - 1) / 2.0), meanColumn),
                op("Mul", skew, rowOffsets));
        return toBytes(sample(image, rows, columns));
    }

    /** The ink's bounding box stretched to {@code inkWidth} columns, its height kept, then recentred. */
    private String stretchToWidth(String image, int inkWidth) {
        String square = op("Reshape", image, int64s("square.shape", 0, height, width));
        String inked = op("Cast", List.of(op("Greater", square, doubles("zero", 0))), intAttribute("to", DOUBLE));
        String columnsInked = op("ReduceMax", List.of(inked), intsAttribute("axes", 1), intAttribute("keepdims", 0));
        String rowsInked = op("ReduceMax", List.of(inked), intsAttribute("axes", 2), intAttribute("keepdims", 0));
        String first = firstOrLast(columnsInked, false);
        String last = firstOrLast(columnsInked, true);
        String top = firstOrLast(rowsInked, false);
        String bottom = firstOrLast(rowsInked, true);
        String scale = op("Div", doubles("ink.width", inkWidth), op("Add", op("Sub", last, first), doubles("one", 1)));
        String two = doubles("two", 2);
        String boxRow = op("Div", op("Add", top, bottom), two);
        String boxColumn = op("Div", op("Add", first, last), two);
        // Output (r, c) reads row (r − centre) + box row and column (c − centre) / scale + box column.
        String rows = op("Add", constant("row.offsets", (r, c) -> r - (height - 1) / 2.0), boxRow);
        String columns = op("Add", op("Div", constant("column.offsets", (r, c) -> c - (width - 1) / 2.0), scale),
                boxColumn);
        String stretched = toBytes(sample(image, rows, columns));
        String[] centre = centreOfMass(stretched);
        String shiftRow = op("Sub", centre[0], doubles("row.centre", (height - 1) / 2.0));
        String shiftColumn = op("Sub", centre[1], doubles("column.centre", (width - 1) / 2.0));
        return toBytes(sample(stretched, op("Add", pixelRows(), shiftRow), op("Add", pixelColumns(), shiftColumn)));
    }

    /**
     * The image read at ({@code rows}, {@code columns}), both [N, H·W]: the four neighbours of each
     * position weighted by nearness, {@code ((p₀₀·w_r0)·w_c0 + (p₀₁·w_r0)·w_c1) + …} in core's order.
     */
    private String sample(String image, String rows, String columns) {
        String row0 = op("Floor", rows);
        String column0 = op("Floor", columns);
        String rowFraction = op("Sub", rows, row0);
        String columnFraction = op("Sub", columns, column0);
        String one = doubles("one", 1);
        String[] rowWeights = {op("Sub", one, rowFraction), rowFraction};
        String[] columnWeights = {op("Sub", one, columnFraction), columnFraction};
        String value = null;
        for (int dr = 0; dr <= 1; dr++) {
            String row = dr == 0 ? row0 : op("Add", row0, one);
            for (int dc = 0; dc <= 1; dc++) {
                String column = dc == 0 ? column0 : op("Add", column0, one);
                String term = op("Mul", op("Mul", pixelAt(image, row, column), rowWeights[dr]), columnWeights[dc]);
                value = value == null ? term : op("Add", value, term);
            }
        }
        return value;
    }

    /** The image's pixel at each (row, column), 0 outside the image. */
    private String pixelAt(String image, String row, String column) {
        String inside = op("And", op("And", atLeastZero(row), op("Less", row, doubles("height", height))),
                op("And", atLeastZero(column), op("Less", column, doubles("width", width))));
        String index = op("Add", op("Mul", op("Clip", row, doubles("zero", 0), doubles("last.row", height - 1)),
                doubles("width", width)), op("Clip", column, doubles("zero", 0), doubles("last.column", width - 1)));
        String gathered = op("GatherElements", List.of(image, op("Cast", List.of(index), intAttribute("to", INT64))),
                intAttribute("axis", 1));
        return op("Where", inside, gathered, doubles("zero", 0));
    }

    /** Whether each value is 0 or more ({@code GreaterOrEqual} comes only in opset 12; this is opset 13, but Not(Less) says it plainly). */
    private String atLeastZero(String values) {
        return op("Not", op("Less", values, doubles("zero", 0)));
    }

    /** {mean row, mean column} of an [N, H·W] image, each [N, 1]: sums of whole numbers, exact in any order. */
    private String[] centreOfMass(String image) {
        String mass = op("MatMul", image, column("ones", (r, c) -> 1.0));
        String safeMass = op("Where", op("Equal", mass, doubles("zero", 0)), doubles("one", 1), mass);
        String meanRow = op("Div", op("MatMul", image, column("rows", (r, c) -> r)), safeMass);
        String meanColumn = op("Div", op("MatMul", image, column("columns", (r, c) -> c)), safeMass);
        return new String[] {meanRow, meanColumn};
    }

    /** The sum of each row of [N, H·W], term after term from the first, as [N, 1]. */
    private String lastOfCumulativeSum(String terms) {
        String running = op("CumSum", terms, int64s("axis.1", 1));
        return op("Slice", running, int64s("last.start", (long) width * height - 1),
                int64s("last.end", (long) width * height), int64s("axis.1", 1));
    }

    /** The first (or last) index along axis 1 of [N, S] where the value is largest, as [N, 1] doubles. */
    private String firstOrLast(String inked, boolean last) {
        String index = op("ArgMax", List.of(inked), intAttribute("axis", 1), intAttribute("keepdims", 1),
                intAttribute("select_last_index", last ? 1 : 0));
        return op("Cast", List.of(index), intAttribute("to", DOUBLE));
    }

    /** Rounded to the nearest integer (ties to even) within 0..255, as a byte. */
    private String toBytes(String image) {
        return op("Clip", op("Round", image), doubles("zero", 0), doubles("byte.max", 255));
    }

    private String pixelRows() {
        return constant("pixel.rows", (r, c) -> r);
    }

    private String pixelColumns() {
        return constant("pixel.columns", (r, c) -> c);
    }

    /** [1, H·W] doubles: {@code value(r, c)} for each pixel, row-major. */
    private String constant(String name, PixelValue value) {
        return doubles(name, new long[] {1, (long) width * height}, values(value));
    }

    /** [H·W, 1] doubles: {@code value(r, c)} for each pixel, row-major, to sum an image against. */
    private String column(String name, PixelValue value) {
        return doubles(name, new long[] {(long) width * height, 1}, values(value));
    }

    private double[] values(PixelValue value) {
        double[] values = new double[width * height];
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                values[r * width + c] = value.at(r, c);
            }
        }
        return values;
    }

    /** A node of {@code type} on {@code inputs}, with no attributes; returns its output's fresh name. */
    private String op(String type, String... inputs) {
        return op(type, List.of(inputs));
    }

    private String op(String type, List<String> inputs, Attribute... attributes) {
        String output = prefix + type.toLowerCase(java.util.Locale.ROOT) + (++made);
        graph.message(1, node -> {
            inputs.forEach(input -> node.string(1, input));
            node.string(2, output).string(3, output).string(4, type);
            for (Attribute attribute : attributes) {
                node.message(5, attribute::write);
            }
        });
        return output;
    }

    private String doubles(String name, double value) {
        return doubles(name, new long[0], new double[] {value});
    }

    /** An initializer of doubles, written once per name. */
    private String doubles(String name, long[] dims, double[] values) {
        String full = prefix + name;
        if (written.add(full)) {
            ByteBuffer bytes = ByteBuffer.allocate(values.length * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            bytes.asDoubleBuffer().put(values);
            tensor(full, dims, DOUBLE, bytes.array());
        }
        return full;
    }

    private String floats(String name, float value) {
        String full = prefix + name;
        if (written.add(full)) {
            tensor(full, new long[0], FLOAT, ProtoWriter.littleEndian(new float[] {value}));
        }
        return full;
    }

    private String int64s(String name, long... values) {
        String full = prefix + name;
        if (written.add(full)) {
            ByteBuffer bytes = ByteBuffer.allocate(values.length * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            bytes.asLongBuffer().put(values);
            tensor(full, new long[] {values.length}, INT64, bytes.array());
        }
        return full;
    }

    private void tensor(String name, long[] dims, int type, byte[] raw) {
        graph.message(5, tensor -> {
            for (long dim : dims) {
                tensor.int64(1, dim);
            }
            tensor.int64(2, type).string(8, name).bytes(9, raw);
        });
    }

    private static Attribute intAttribute(String name, long value) {
        return attribute -> attribute.string(1, name).int64(3, value).int64(20, ATTRIBUTE_INT);
    }

    private static Attribute intsAttribute(String name, long... values) {
        return attribute -> {
            attribute.string(1, name);
            for (long value : values) {
                attribute.int64(8, value);
            }
            attribute.int64(20, ATTRIBUTE_INTS);
        };
    }

    /** An AttributeProto's fields. */
    private interface Attribute {
        void write(ProtoWriter attribute);
    }

    /** A constant's value at pixel (r, c). */
    private interface PixelValue {
        double at(int r, int c);
    }
}

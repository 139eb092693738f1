package io.github.perceptron.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes the ONNX messages perceptron reads (ModelProto, GraphProto, NodeProto, TensorProto,
 * ValueInfoProto and their parts) by the schema's field numbers, skipping fields it has no use for.
 * A tensor may declare at most {@value #MAX_ELEMENTS} elements, and must hold as many as it declares.
 *
 * <p>Every repeated field is counted as it is read and refused past what an MLP perceptron can
 * read would ever need ({@link Caps}), before any object is made for it: a 100 MB file of 52
 * million empty nodes (valid protobuf) took 6.4 GB and four minutes before it was refused.
 */
final class OnnxDecoder {

    /** 64 million floats: 256 MB, far beyond any MLP perceptron trains. */
    static final long MAX_ELEMENTS = 1L << 26;
    private static final int FLOAT = 1;
    private static final int INT64 = 7;

    /** The most of each repeated field read; far more than any MLP perceptron reads needs. */
    static final class Caps {
        static final int NODES = 1024;
        static final int INITIALIZERS = 1024;
        /** Graph inputs: the pixels, and (before IR 4) every initializer again. */
        static final int INPUTS = INITIALIZERS + 16;
        static final int OUTPUTS = 16;
        static final int NODE_INPUTS = 16;
        static final int NODE_OUTPUTS = 16;
        static final int ATTRIBUTES = 32;
        static final int OPSETS = 64;
        static final int METADATA = 1024;
        static final int DIMS = 8;

        private Caps() {
        }
    }

    private final String file;
    private final ExternalData external;

    private OnnxDecoder(String file, ExternalData external) {
        this.file = file;
        this.external = external;
    }

    /** @param directory where external tensor data may be read (the model's own directory), or null */
    static OnnxGraph decode(byte[] bytes, String file, java.nio.file.Path directory) {
        return new OnnxDecoder(file, new ExternalData(directory, file)).model(new ProtoReader(bytes, file));
    }

    private OnnxGraph model(ProtoReader in) {
        OnnxGraph graph = new OnnxGraph();
        boolean sawGraph = false;
        int opsetsRead = 0;
        int metadataRead = 0;
        while (in.next()) {
            switch (in.field()) {
                case 1 -> graph.irVersion = in.int64();
                case 2 -> graph.producer = in.string();
                case 3 -> graph.producerVersion = in.string();
                case 7 -> {
                    graph(in.message("graph"), graph);
                    sawGraph = true;
                }
                case 8 -> {
                    count(opsetsRead++, Caps.OPSETS, "operator set imports");
                    opset(in.message("opset_import"), graph);
                }
                case 14 -> {
                    // Counted as read: entries of one key replace each other in the map, which never grows.
                    count(metadataRead++, Caps.METADATA, "metadata entries");
                    entry(in.message("metadata_props"), graph.metadata);
                }
                case 25 -> throw new OnnxFormatException(file + ": the model defines its own functions, which perceptron does not read");
                default -> in.skip();
            }
        }
        if (!sawGraph) {
            throw new OnnxFormatException(file + ": not an ONNX model (no graph)");
        }
        return graph;
    }

    private void opset(ProtoReader in, OnnxGraph graph) {
        String domain = "";
        long version = 0;
        while (in.next()) {
            switch (in.field()) {
                case 1 -> domain = in.string();
                case 2 -> version = in.int64();
                default -> in.skip();
            }
        }
        graph.opsets.put(domain, version);
    }

    private void graph(ProtoReader in, OnnxGraph graph) {
        while (in.next()) {
            switch (in.field()) {
                case 1 -> {
                    count(graph.nodes.size(), Caps.NODES, "nodes");
                    graph.nodes.add(node(in.message("node " + graph.nodes.size()), graph.nodes.size()));
                }
                case 5 -> {
                    count(graph.initializers.size(), Caps.INITIALIZERS, "initializers");
                    OnnxGraph.Tensor tensor = tensor(in.message("initializer " + graph.initializers.size()));
                    if (graph.initializers.putIfAbsent(tensor.name(), tensor) != null) {
                        // ONNX Runtime takes the first copy, and a last-wins reader answered otherwise (11% against 97%).
                        throw new OnnxFormatException(file + ": two initializers are named '" + OnnxGraph.shortName(tensor.name())
                                + "'; a graph's names must be unique");
                    }
                }
                case 11 -> {
                    count(graph.inputs.size(), Caps.INPUTS, "inputs");
                    graph.inputs.add(value(in.message("input")));
                }
                case 12 -> {
                    count(graph.outputs.size(), Caps.OUTPUTS, "outputs");
                    graph.outputs.add(value(in.message("output")));
                }
                case 15 -> throw new OnnxFormatException(file + ": the graph holds sparse initializers, which perceptron does not read");
                default -> in.skip();
            }
        }
    }

    private OnnxGraph.Node node(ProtoReader in, int index) {
        String name = "";
        String opType = "";
        String domain = "";
        List<String> inputs = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        Map<String, Number> attributes = new LinkedHashMap<>();
        List<String> others = new ArrayList<>();
        while (in.next()) {
            switch (in.field()) {
                case 1 -> {
                    count(inputs.size(), Caps.NODE_INPUTS, "inputs to node " + index);
                    inputs.add(in.string());
                }
                case 2 -> {
                    count(outputs.size(), Caps.NODE_OUTPUTS, "outputs of node " + index);
                    outputs.add(in.string());
                }
                case 3 -> name = in.string();
                case 4 -> opType = in.string();
                case 5 -> {
                    count(attributes.size() + others.size(), Caps.ATTRIBUTES, "attributes of node " + index);
                    attribute(in.message("attribute"), attributes, others);
                }
                case 7 -> domain = in.string();
                default -> in.skip();
            }
        }
        return new OnnxGraph.Node(index, name, opType, domain, inputs, outputs, attributes, others);
    }

    /** Int and float attributes by name; the names of any others (tensors, lists, graphs...). */
    private void attribute(ProtoReader in, Map<String, Number> attributes, List<String> others) {
        String name = "";
        Number[] value = {null};
        boolean other = false;
        while (in.next()) {
            switch (in.field()) {
                case 1 -> name = in.string();
                case 2 -> in.floats(f -> value[0] = f);
                case 3 -> value[0] = in.int64();
                case 20 -> in.int64();
                default -> {
                    in.skip();
                    other = true;
                }
            }
        }
        if (other || value[0] == null) {
            others.add(name);
        } else {
            attributes.put(name, value[0]);
        }
    }

    private OnnxGraph.Tensor tensor(ProtoReader in) {
        List<Long> dims = new ArrayList<>();
        int dataType = 0;
        String name = "";
        ByteBuffer raw = null;
        FloatList floats = new FloatList();
        List<Long> int64Data = new ArrayList<>();
        boolean externallyStored = false;
        java.util.Map<String, String> externalData = new LinkedHashMap<>();
        while (in.next()) {
            switch (in.field()) {
                case 1 -> in.int64s(dim -> {
                    count(dims.size(), Caps.DIMS, "dimensions of a tensor");
                    dims.add(dim);
                });
                case 2 -> dataType = (int) in.int64();
                case 4 -> {
                    floats.expect(dims, in.remaining() / 4);
                    in.floats(value -> floats.add(value, file));
                }
                case 7 -> in.int64s(value -> {
                    count(int64Data.size(), MAX_LISTED_INTEGERS, "integers listed in a tensor");
                    int64Data.add(value);
                });
                case 8 -> name = in.string();
                case 9 -> raw = in.view();  // no copy: a 256 MB tensor would be held twice
                case 13 -> {
                    count(externalData.size(), Caps.ATTRIBUTES, "external data entries of a tensor");
                    entry(in.message("external_data"), externalData);
                    externallyStored = true;
                }
                case 14 -> externallyStored |= in.int64() == 1;
                default -> in.skip();
            }
        }
        String what = file + ": tensor '" + OnnxGraph.shortName(name) + "'";
        long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
        long count = elements(shape, what);
        if (externallyStored) {
            raw = ByteBuffer.wrap(external.read(externalData.getOrDefault("location", ""),
                    number(externalData, "offset", 0, what), number(externalData, "length", -1, what), what));
        }
        if (dataType != FLOAT) {
            // Refused when a layer takes it as weights; a classifier's label branch holds its class labels this way.
            int size = ELEMENT_BYTES.getOrDefault(dataType, 0);
            if (raw != null && size > 0 && raw.remaining() != count * size) {
                throw new OnnxFormatException(what + " declares " + count + " " + typeName(dataType) + " values but holds "
                        + raw.remaining() + " bytes");
            }
            long[] integers = dataType != INT64 || count > Caps.DIMS ? null
                    : raw != null ? int64s(raw) : int64Data.size() == count ? int64Data.stream().mapToLong(Long::longValue).toArray() : null;
            return new OnnxGraph.Tensor(name, shape, null, dataType, integers);
        }
        float[] values;
        if (raw != null) {
            if (raw.remaining() != count * 4) {
                throw new OnnxFormatException(what + " declares " + count + " floats but holds " + raw.remaining() + " bytes");
            }
            values = new float[(int) count];
            raw.order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        } else {
            if (floats.size() != count) {
                throw new OnnxFormatException(what + " declares " + count + " floats but holds " + floats.size());
            }
            values = floats.toArray();
        }
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                // ONNX Runtime answers NaN for every image; a reader that skips zero inputs would not.
                throw new OnnxFormatException(what + " holds " + values[i] + " at index " + i
                        + "; weights must be finite numbers");
            }
        }
        return new OnnxGraph.Tensor(name, shape, values, FLOAT, null);
    }

    /** Integers a tensor may list one by one (class labels, a shape). */
    private static final int MAX_LISTED_INTEGERS = 1 << 16;

    private static final Map<Integer, Integer> ELEMENT_BYTES = Map.of(2, 1, 3, 1, 4, 2, 5, 2, 6, 4, INT64, 8, 9, 1,
            10, 2, 11, 8, 12, 4);

    private static long[] int64s(ByteBuffer raw) {
        long[] values = new long[raw.remaining() / 8];
        raw.order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(values);
        return values;
    }

    /** A StringStringEntryProto (metadata_props, a tensor's external_data) into {@code entries}. */
    private void entry(ProtoReader in, Map<String, String> entries) {
        String key = "";
        String value = "";
        while (in.next()) {
            switch (in.field()) {
                case 1 -> key = in.string();
                case 2 -> value = in.string();
                default -> in.skip();
            }
        }
        entries.put(key, value);
    }

    private static long number(Map<String, String> entries, String key, long absent, String what) {
        String text = entries.get(key);
        if (text == null) {
            return absent;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new OnnxFormatException(what + ": its external data's " + key + " is not a number: '"
                    + OnnxGraph.shortName(text) + "'");
        }
    }

    /** The product of {@code shape}, refused before it can overflow or exceed {@link #MAX_ELEMENTS}. */
    private static long elements(long[] shape, String what) {
        long count = 1;
        for (long dim : shape) {
            if (dim < 0 || dim > MAX_ELEMENTS || (dim > 0 && count > MAX_ELEMENTS / dim)) {
                throw new OnnxFormatException(what + " declares dimensions " + Arrays.toString(shape)
                        + "; at most " + MAX_ELEMENTS + " elements are read");
            }
            count *= dim;
        }
        return count;
    }

    private OnnxGraph.Value value(ProtoReader in) {
        String name = "";
        int[] elementType = {0};
        List<Long> dims = new ArrayList<>();
        while (in.next()) {
            switch (in.field()) {
                case 1 -> name = in.string();
                case 2 -> type(in.message("type"), elementType, dims);
                default -> in.skip();
            }
        }
        return new OnnxGraph.Value(name, elementType[0], dims.stream().mapToLong(Long::longValue).toArray());
    }

    private void type(ProtoReader in, int[] elementType, List<Long> dims) {
        while (in.next()) {
            if (in.field() == 1) {
                ProtoReader tensor = in.message("tensor_type");
                while (tensor.next()) {
                    switch (tensor.field()) {
                        case 1 -> elementType[0] = (int) tensor.int64();
                        case 2 -> shape(tensor.message("shape"), dims);
                        default -> tensor.skip();
                    }
                }
            } else {
                in.skip();
                elementType[0] = -1;  // a sequence, map or other non-tensor type
            }
        }
    }

    private void shape(ProtoReader in, List<Long> dims) {
        while (in.next()) {
            if (in.field() != 1) {
                in.skip();
                continue;
            }
            ProtoReader dim = in.message("dim");
            long value = -1;
            while (dim.next()) {
                if (dim.field() == 1) {
                    value = dim.int64();
                } else {
                    dim.skip();
                }
            }
            count(dims.size(), Caps.DIMS, "dimensions of a value");
            dims.add(value);
        }
    }

    /** Refuses the next element of a repeated field when {@code have} already reach {@code cap}. */
    private void count(int have, int cap, String what) {
        if (have >= cap) {
            throw new OnnxFormatException(file + ": more than " + cap + " " + what + ", far more than any network"
                    + " perceptron reads needs");
        }
    }

    /** Floats listed one by one (float_data), without boxing, up to {@link #MAX_ELEMENTS}. */
    private static final class FloatList {
        private float[] values = new float[16];
        private int size;

        /**
         * Sized once for the dimensions declared so far (they come first in every exporter's
         * files), and never beyond the {@code fit} floats the rest of the message can hold.
         */
        void expect(List<Long> dims, int fit) {
            if (size > 0 || dims.isEmpty()) {
                return;
            }
            long count = 1;
            for (long dim : dims) {
                if (dim <= 0 || dim > MAX_ELEMENTS || count > MAX_ELEMENTS / dim) {
                    return;  // refused with the shape later; no allocation on its word
                }
                count *= dim;
            }
            values = new float[(int) Math.max(16, Math.min(count, fit))];
        }

        void add(float value, String file) {
            if (size == values.length) {
                if (size >= MAX_ELEMENTS) {
                    throw new OnnxFormatException(file + ": a tensor lists more than " + MAX_ELEMENTS + " floats");
                }
                values = Arrays.copyOf(values, (int) Math.min(MAX_ELEMENTS, 2L * size));
            }
            values[size++] = value;
        }

        int size() {
            return size;
        }

        float[] toArray() {
            return size == values.length ? values : Arrays.copyOf(values, size);
        }
    }

    static String typeName(int type) {
        String[] names = {"UNDEFINED", "FLOAT", "UINT8", "INT8", "UINT16", "INT16", "INT32", "INT64", "STRING", "BOOL",
                "FLOAT16", "DOUBLE", "UINT32", "UINT64", "COMPLEX64", "COMPLEX128", "BFLOAT16"};
        return type >= 0 && type < names.length ? names[type] : "type " + type;
    }
}

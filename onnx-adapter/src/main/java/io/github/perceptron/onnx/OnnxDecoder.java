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
 */
final class OnnxDecoder {

    /** 64 million floats: 256 MB, far beyond any MLP perceptron trains. */
    static final long MAX_ELEMENTS = 1L << 26;
    private static final int FLOAT = 1;
    private static final int INT64 = 7;

    private final String file;

    private OnnxDecoder(String file) {
        this.file = file;
    }

    static OnnxGraph decode(byte[] bytes, String file) {
        return new OnnxDecoder(file).model(new ProtoReader(bytes, file));
    }

    private OnnxGraph model(ProtoReader in) {
        OnnxGraph graph = new OnnxGraph();
        boolean sawGraph = false;
        while (in.next()) {
            switch (in.field()) {
                case 1 -> graph.irVersion = in.int64();
                case 2 -> graph.producer = in.string();
                case 7 -> {
                    graph(in.message("graph"), graph);
                    sawGraph = true;
                }
                case 8 -> opset(in.message("opset_import"), graph);
                case 14 -> metadata(in.message("metadata_props"), graph);
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

    private void metadata(ProtoReader in, OnnxGraph graph) {
        String key = "";
        String value = "";
        while (in.next()) {
            switch (in.field()) {
                case 1 -> key = in.string();
                case 2 -> value = in.string();
                default -> in.skip();
            }
        }
        graph.metadata.put(key, value);
    }

    private void graph(ProtoReader in, OnnxGraph graph) {
        while (in.next()) {
            switch (in.field()) {
                case 1 -> graph.nodes.add(node(in.message("node " + graph.nodes.size()), graph.nodes.size()));
                case 5 -> {
                    OnnxGraph.Tensor tensor = tensor(in.message("initializer " + graph.initializers.size()));
                    graph.initializers.put(tensor.name(), tensor);
                }
                case 11 -> graph.inputs.add(value(in.message("input")));
                case 12 -> graph.outputs.add(value(in.message("output")));
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
                case 1 -> inputs.add(in.string());
                case 2 -> outputs.add(in.string());
                case 3 -> name = in.string();
                case 4 -> opType = in.string();
                case 5 -> attribute(in.message("attribute"), attributes, others);
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
        byte[] raw = null;
        List<Float> floats = new ArrayList<>();
        boolean external = false;
        while (in.next()) {
            switch (in.field()) {
                case 1 -> in.int64s(dims::add);
                case 2 -> dataType = (int) in.int64();
                case 4 -> in.floats(floats::add);
                case 8 -> name = in.string();
                case 9 -> raw = in.bytes();
                case 13 -> {
                    in.skip();
                    external = true;
                }
                case 14 -> external |= in.int64() == 1;
                default -> in.skip();
            }
        }
        String what = file + ": tensor '" + name + "'";
        if (external) {
            throw new OnnxFormatException(what + " keeps its data in an external file; perceptron reads self-contained models only");
        }
        long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
        long count = elements(shape, what);
        if (dataType == INT64) {
            // Only a Reshape's target shape is an integer tensor here, and a chain reads it as [N, features]:
            // its values are checked for size, never used.
            if (raw != null && raw.length != count * 8) {
                throw new OnnxFormatException(what + " declares " + count + " int64 values but holds " + raw.length + " bytes");
            }
            return new OnnxGraph.Tensor(name, shape, null);
        }
        if (dataType != FLOAT) {
            throw new OnnxFormatException(what + " has element type " + typeName(dataType) + "; perceptron reads float (FLOAT) weights only");
        }
        float[] values;
        if (raw != null) {
            if (raw.length != count * 4) {
                throw new OnnxFormatException(what + " declares " + count + " floats but holds " + raw.length + " bytes");
            }
            values = new float[(int) count];
            ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        } else {
            if (floats.size() != count) {
                throw new OnnxFormatException(what + " declares " + count + " floats but holds " + floats.size());
            }
            values = new float[(int) count];
            for (int i = 0; i < values.length; i++) {
                values[i] = floats.get(i);
            }
        }
        return new OnnxGraph.Tensor(name, shape, values);
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
            dims.add(value);
            if (dims.size() > 8) {
                throw new OnnxFormatException(file + ": a value with more than 8 dimensions");
            }
        }
    }

    static String typeName(int type) {
        String[] names = {"UNDEFINED", "FLOAT", "UINT8", "INT8", "UINT16", "INT16", "INT32", "INT64", "STRING", "BOOL",
                "FLOAT16", "DOUBLE", "UINT32", "UINT64", "COMPLEX64", "COMPLEX128", "BFLOAT16"};
        return type >= 0 && type < names.length ? names[type] : "type " + type;
    }
}

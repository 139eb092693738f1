package io.github.perceptron.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.perceptron.core.data.InputNormalisation;
import io.github.perceptron.core.layer.Activation;
import io.github.perceptron.core.layer.Initialization;
import io.github.perceptron.core.layer.LayerSpec;
import io.github.perceptron.core.loss.Loss;
import io.github.perceptron.core.model.Model;
import io.github.perceptron.core.model.ModelMetadata;
import io.github.perceptron.core.model.Provenance;
import io.github.perceptron.core.network.NetworkSpec;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Reads a model document of version 1, 2 or 3, or a committee's (version 4), refusing anything that
 * does not match it exactly.
 */
final class ModelDocumentReader {

    /** The limits the trainer plans with: whatever it saves, this reads. */
    private static final int MAX_UNITS = NetworkSpec.MAX_UNITS;
    private static final long MAX_PARAMETERS = NetworkSpec.MAX_PARAMETERS;

    private final Path file;
    private final JsonFields fields;

    ModelDocumentReader(Path file) {
        this(file, "");
    }

    /** A reader naming each field under {@code prefix} ({@code members[2].}). */
    private ModelDocumentReader(Path file, String prefix) {
        this.file = file;
        this.fields = new JsonFields(file, prefix);
    }

    /** Reads the model in a document whose format is one of {@code formats}. */
    Model read(JsonNode root, String... formats) {
        String format = fields.text(root, "format", "format");
        if (!java.util.Arrays.asList(formats).contains(format)) {
            throw fields.bad("format", "is '" + format + "', not '" + String.join("' or '", formats) + "'");
        }
        long version = fields.integer(root, "formatVersion", "formatVersion", 1, Integer.MAX_VALUE);
        if (version > JsonModelStore.FORMAT_VERSION) {
            throw fields.bad("formatVersion", "is " + version + ", newer than this perceptron reads ("
                    + JsonModelStore.FORMAT_VERSION + "); upgrade perceptron");
        }
        boolean normalising = version >= JsonModelStore.NORMALISING_VERSION;
        if (version == JsonModelStore.COMMITTEE_VERSION || normalising && root.has("kind")) {
            if (!format.equals(JsonModelStore.FORMAT)) {
                throw fields.bad("formatVersion", "is " + version + ", which only a committee's model document has");
            }
            return committee(root, normalising);
        }
        return network(root, normalising);
    }

    /** Version 4: {@code kind} is {@code committee}, each of {@code members} a network's fields, and the committee's metadata. */
    private Model committee(JsonNode root, boolean normalising) {
        String kind = fields.text(root, "kind", "kind");
        if (!kind.equals("committee")) {
            throw fields.bad("kind", "is '" + kind + "', expected committee");
        }
        JsonNode members = fields.array(root, "members", "members");
        if (members.isEmpty() || members.size() > Model.MAX_MEMBERS) {
            throw fields.bad("members", "holds " + members.size() + " members, expected 1 to " + Model.MAX_MEMBERS);
        }
        List<Model> read = new ArrayList<>();
        for (int k = 0; k < members.size(); k++) {
            if (!members.get(k).isObject()) {
                throw fields.bad("members[" + k + "]", "must be an object");
            }
            read.add(new ModelDocumentReader(file, "members[" + k + "].").network(members.get(k), normalising));
        }
        ModelMetadata metadata = metadata(fields.object(root, "metadata", "metadata"));
        try {
            return Model.committee(read, metadata);
        } catch (IllegalArgumentException e) {
            throw fields.bad("members", "do not fit together: " + e.getMessage());
        }
    }

    /**
     * A network's architecture, parameters and metadata, in a document or a committee's member;
     * {@code normalising} when the document's version may carry an input normalisation.
     */
    private Model network(JsonNode root, boolean normalising) {
        JsonNode architecture = fields.object(root, "architecture", "architecture");
        JsonNode input = fields.object(architecture, "input", "architecture.input");
        int width = (int) fields.integer(input, "width", "architecture.input.width", 1, MAX_UNITS);
        int height = (int) fields.integer(input, "height", "architecture.input.height", 1, MAX_UNITS);
        if ((long) width * height > NetworkSpec.MAX_INPUTS) {
            throw fields.bad("architecture.input", "is " + width + "×" + height + ", too large");
        }
        NetworkSpec spec = spec(architecture, width * height);
        List<String> classNames = classNames(architecture, spec.classes());
        List<float[]> values = parameters(fields.array(root, "parameters", "parameters"), spec.sizes());
        ModelMetadata metadata = metadata(fields.object(root, "metadata", "metadata"));
        Model model = Model.restore(spec, values, width, height, classNames, metadata);
        InputNormalisation normalisation = normalisation(input, normalising);
        return normalisation.isNone() ? model : model.withInputNormalisation(normalisation);
    }

    /** {@code architecture.input.normalisation}: none when absent; only documents of version 5 and later hold one. */
    private InputNormalisation normalisation(JsonNode input, boolean normalising) {
        if (!input.has("normalisation")) {
            return InputNormalisation.NONE;
        }
        if (!normalising) {
            throw fields.bad("architecture.input.normalisation", "needs formatVersion "
                    + JsonModelStore.NORMALISING_VERSION + " or later");
        }
        return fields.parsed(input, "normalisation", "architecture.input.normalisation", InputNormalisation::parse);
    }

    /** The network an {@code architecture} object describes (its layers, output, loss and initialisation), for {@code inputs} pixels. */
    NetworkSpec spec(JsonNode architecture, int inputs) {
        JsonNode hidden = fields.array(architecture, "hidden", "architecture.hidden");
        List<LayerSpec> layers = new ArrayList<>();
        long parameters = 0;
        int width = inputs;
        for (int i = 0; i < hidden.size(); i++) {
            String path = "architecture.hidden[" + i + "]";
            JsonNode layer = hidden.get(i);
            String type = fields.text(layer, "type", path + ".type");
            if (type.equals("dense")) {
                int units = (int) fields.integer(layer, "units", path + ".units", 1, MAX_UNITS);
                Activation activation = fields.parsed(layer, "activation", path + ".activation", Activation::fromId);
                layers.add(new LayerSpec.Dense(units, activation));
                parameters += (long) width * units + units;
                width = units;
            } else if (type.equals("dropout")) {
                layers.add(new LayerSpec.Dropout(fields.number(layer, "rate", path + ".rate", 0, 0.999)));
            } else {
                throw fields.bad(path + ".type", "is '" + type + "', expected dense or dropout");
            }
        }
        JsonNode output = fields.object(architecture, "output", "architecture.output");
        int classes = (int) fields.integer(output, "units", "architecture.output.units", 2, MAX_UNITS);
        parameters += (long) width * classes + classes;
        if (parameters > MAX_PARAMETERS) {
            throw fields.bad("architecture", "describes " + parameters + " parameters, more than " + MAX_PARAMETERS);
        }
        Activation outputActivation = fields.parsed(output, "activation", "architecture.output.activation",
                Activation::fromId);
        Loss loss = loss(fields.text(architecture, "loss", "architecture.loss"), outputActivation);
        Optional<Initialization> init = architecture.has("initialization")
                ? Optional.of(fields.parsed(architecture, "initialization", "architecture.initialization", Initialization::fromId))
                : Optional.empty();
        try {
            return new NetworkSpec(inputs, layers, classes, loss, init);
        } catch (IllegalArgumentException e) {
            throw fields.bad("architecture", "is inconsistent: " + e.getMessage());
        }
    }

    private Loss loss(String id, Activation outputActivation) {
        if (id.equals("cross-entropy")) {
            if (outputActivation != Activation.SOFTMAX) {
                throw fields.bad("architecture.output.activation", "must be softmax with cross-entropy, was " + outputActivation.id());
            }
            return Loss.crossEntropy();
        }
        if (id.equals("mse")) {
            if (!outputActivation.isElementWise()) {
                throw fields.bad("architecture.output.activation", "cannot be " + outputActivation.id() + " with mse");
            }
            return Loss.meanSquaredError(outputActivation);
        }
        throw fields.bad("architecture.loss", "is '" + id + "', expected cross-entropy or mse");
    }

    private List<String> classNames(JsonNode architecture, int classes) {
        JsonNode names = fields.array(architecture, "classNames", "architecture.classNames");
        if (names.size() != classes) {
            throw fields.bad("architecture.classNames", "has " + names.size() + " names for " + classes + " output units");
        }
        List<String> result = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (!names.get(i).isTextual()) {
                throw fields.bad("architecture.classNames[" + i + "]", "must be a string");
            }
            result.add(names.get(i).textValue());
        }
        return result;
    }

    private List<float[]> parameters(JsonNode parameters, List<Integer> sizes) {
        int layers = sizes.size() - 1;
        if (parameters.size() != 2 * layers) {
            throw fields.bad("parameters", "has " + parameters.size() + " tensors, the architecture needs " + 2 * layers);
        }
        List<float[]> result = new ArrayList<>();
        for (int p = 0; p < parameters.size(); p++) {
            String path = "parameters[" + p + "]";
            JsonNode tensor = parameters.get(p);
            int layer = p / 2;
            boolean weights = p % 2 == 0;
            String name = fields.text(tensor, "name", path + ".name");
            if (!name.equals(weights ? "weights" : "biases")) {
                throw fields.bad(path + ".name", "is '" + name + "', expected " + (weights ? "weights" : "biases"));
            }
            fields.integer(tensor, "layer", path + ".layer", layer + 1, layer + 1);
            List<Integer> shape = weights ? List.of(sizes.get(layer), sizes.get(layer + 1)) : List.of(sizes.get(layer + 1));
            checkShape(fields.array(tensor, "shape", path + ".shape"), shape, path + ".shape");
            JsonNode values = fields.array(tensor, "values", path + ".values");
            int expected = shape.stream().reduce(1, (a, b) -> a * b);
            if (values.size() != expected) {
                throw fields.bad(path + ".values", "holds " + values.size() + " numbers, the shape " + shape + " needs " + expected);
            }
            result.add(fields.finiteFloats(values, expected, path + ".values"));
        }
        return result;
    }

    private void checkShape(JsonNode actual, List<Integer> expected, String path) {
        boolean same = actual.size() == expected.size();
        for (int i = 0; same && i < expected.size(); i++) {
            same = actual.get(i).isIntegralNumber() && actual.get(i).asLong() == expected.get(i);
        }
        if (!same) {
            throw fields.bad(path, "is " + actual + ", the architecture needs " + expected);
        }
    }

    private ModelMetadata metadata(JsonNode metadata) {
        String dataset = fields.text(metadata, "dataset", "metadata.dataset");
        long seed = fields.integer(metadata, "seed", "metadata.seed", Long.MIN_VALUE, Long.MAX_VALUE);
        int epochs = (int) fields.integer(metadata, "epochs", "metadata.epochs", 0, Integer.MAX_VALUE);
        OptionalDouble accuracy = metadata.hasNonNull("testAccuracy")
                ? OptionalDouble.of(fields.number(metadata, "testAccuracy", "metadata.testAccuracy", 0, 1))
                : OptionalDouble.empty();
        String version = fields.text(metadata, "toolVersion", "metadata.toolVersion");
        String created = fields.text(metadata, "created", "metadata.created");
        Optional<Provenance> provenance = metadata.has("provenance")
                ? Optional.of(provenance(fields.object(metadata, "provenance", "metadata.provenance")))
                : Optional.empty();
        try {
            return new ModelMetadata(dataset, seed, epochs, accuracy, version, Instant.parse(created), provenance);
        } catch (DateTimeParseException e) {
            throw fields.bad("metadata.created", "is not an ISO-8601 instant: " + created);
        }
    }

    /**
     * A plan's value as plain data: version 3 writes numbers, booleans, lists and objects;
     * version 2 wrote every value as a string, which reads as one.
     */
    private Object plain(JsonNode value, String path) {
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isIntegralNumber()) {
            return value.longValue();
        }
        if (value.isNumber()) {
            return value.doubleValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isArray()) {
            java.util.List<Object> items = new java.util.ArrayList<>();
            for (int i = 0; i < value.size(); i++) {
                items.add(plain(value.get(i), path + "[" + i + "]"));
            }
            return items;
        }
        if (value.isObject()) {
            Map<String, Object> fieldsOf = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> entries = value.fields();
            while (entries.hasNext()) {
                Map.Entry<String, JsonNode> entry = entries.next();
                fieldsOf.put(entry.getKey(), plain(entry.getValue(), path + "." + entry.getKey()));
            }
            return fieldsOf;
        }
        throw fields.bad(path, "is null; a plan's values are strings, numbers, booleans, lists or objects");
    }

    /** The record of how the model was made (since version 2); files of version 1 have none. */
    private Provenance provenance(JsonNode node) {
        String path = "metadata.provenance";
        JsonNode planNode = fields.object(node, "plan", path + ".plan");
        Map<String, Object> plan = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> entries = planNode.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            plan.put(entry.getKey(), plain(entry.getValue(), path + ".plan." + entry.getKey()));
        }
        JsonNode data = fields.object(node, "data", path + ".data");
        JsonNode machine = fields.object(node, "machine", path + ".machine");
        return new Provenance(plan, fields.text(data, "train", path + ".data.train"),
                fields.text(data, "test", path + ".data.test"), fields.text(data, "validation", path + ".data.validation"),
                (int) fields.integer(node, "keptEpoch", path + ".keptEpoch", 0, Integer.MAX_VALUE),
                fields.text(node, "keptBecause", path + ".keptBecause"),
                fields.text(machine, "kernel", path + ".machine.kernel"),
                (int) fields.integer(machine, "threads", path + ".machine.threads", 1, Integer.MAX_VALUE),
                fields.text(machine, "java", path + ".machine.java"), fields.text(machine, "cpu", path + ".machine.cpu"),
                fields.text(node, "gitCommit", path + ".gitCommit"));
    }
}

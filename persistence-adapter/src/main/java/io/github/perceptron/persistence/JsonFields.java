package io.github.perceptron.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.perceptron.core.model.ModelStoreException;
import java.nio.file.Path;

/** Strict access to a model document's fields: each failure names the file and the field. */
final class JsonFields {

    private final Path file;
    /** Put before every path named: {@code members[2].} inside a committee's document. */
    private final String prefix;

    JsonFields(Path file) {
        this(file, "");
    }

    JsonFields(Path file, String prefix) {
        this.file = file;
        this.prefix = prefix;
    }

    JsonNode object(JsonNode parent, String field, String path) {
        JsonNode node = present(parent, field, path);
        if (!node.isObject()) {
            throw bad(path, "must be an object");
        }
        return node;
    }

    JsonNode array(JsonNode parent, String field, String path) {
        JsonNode node = present(parent, field, path);
        if (!node.isArray()) {
            throw bad(path, "must be an array");
        }
        return node;
    }

    String text(JsonNode parent, String field, String path) {
        JsonNode node = present(parent, field, path);
        if (!node.isTextual()) {
            throw bad(path, "must be a string");
        }
        return node.textValue();
    }

    /** A string that {@code parser} reads; its refusal (an {@link IllegalArgumentException}) is the field's. */
    <T> T parsed(JsonNode parent, String field, String path, java.util.function.Function<String, T> parser) {
        String text = text(parent, field, path);
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            throw bad(path, "is refused: " + e.getMessage());
        }
    }

    /** An integer in {@code [min, max]}. */
    long integer(JsonNode parent, String field, String path, long min, long max) {
        JsonNode node = present(parent, field, path);
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw bad(path, "must be an integer");
        }
        long value = node.longValue();
        if (value < min || value > max) {
            throw bad(path, "must be in [" + min + ", " + max + "], was " + value);
        }
        return value;
    }

    /** A finite number; the JSON text is parsed as a float directly, so float32 values round-trip exactly. */
    float finiteFloat(JsonNode node, String path) {
        if (!node.isNumber()) {
            throw bad(path, "must be a number");
        }
        float value = Float.parseFloat(node.asText());
        if (!Float.isFinite(value)) {
            throw bad(path, "is not a finite float32: " + node.asText());
        }
        return value;
    }

    /** An array of exactly {@code length} finite float32 numbers. */
    float[] finiteFloats(JsonNode array, int length, String path) {
        if (array.size() != length) {
            throw bad(path, "holds " + array.size() + " numbers, expected " + length);
        }
        if (array instanceof CompactTree.FloatArrayNode compact) {
            return compact.floats(); // checked finite as it was read
        }
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = finiteFloat(array.get(i), path + "[" + i + "]");
        }
        return values;
    }

    /** A finite number in {@code [min, max]}. */
    double number(JsonNode parent, String field, String path, double min, double max) {
        JsonNode node = present(parent, field, path);
        if (!node.isNumber()) {
            throw bad(path, "must be a number");
        }
        double value = node.doubleValue();
        if (!(value >= min && value <= max)) {
            throw bad(path, "must be in [" + min + ", " + max + "], was " + node.asText());
        }
        return value;
    }

    JsonNode present(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        if (node == null) {
            throw new ModelStoreException(file + ": missing field '" + prefix + path + "'");
        }
        if (node.isNull()) {
            // present but null: "missing" would send the user looking for a field that is there
            throw bad(path, "is null; give it a value or, if it is optional, leave it out");
        }
        return node;
    }

    ModelStoreException bad(String path, String problem) {
        return new ModelStoreException(file + ": field '" + prefix + path + "' " + problem);
    }
}

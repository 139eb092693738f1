package io.github.perceptron.persistence;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.perceptron.core.tune.Dimension;
import io.github.perceptron.core.tune.SearchSpace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a search space from a small JSON file: each field names a training option and gives a
 * list of values to choose from, or a range to draw from:
 *
 * <pre>{@code
 * { "lr": {"log_uniform": [0.01, 0.3]}, "dropout": {"uniform": [0, 0.5]},
 *   "momentum": [0.8, 0.9, 0.95], "layers": ["784,256,10", "784,512,10"] }
 * }</pre>
 *
 * A bad file is refused with one line naming the file and the field.
 */
public final class JsonSearchSpaceReader {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /** A search space is a few lines; a bigger file is a mistake, not a space. */
    static final long MAX_BYTES = 1 << 20;

    /**
     * Reads a search space: one field per dimension, each a range or a list of choices.
     *
     * @param file the JSON file, at most 1 MiB
     * @return the space
     * @throws IllegalArgumentException naming the file and field when it is not a search space
     */
    public SearchSpace read(Path file) {
        JsonNode root = parse(file);
        if (!root.isObject() || root.isEmpty()) {
            throw bad(file, "must be a JSON object with at least one field, e.g. {\"lr\": {\"log_uniform\": [0.01, 0.3]}}");
        }
        Map<String, Dimension> dimensions = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            dimensions.put(field.getKey(), dimension(file, field.getKey(), field.getValue()));
        }
        return new SearchSpace(dimensions);
    }

    private static Dimension dimension(Path file, String name, JsonNode value) {
        if (value.isArray()) {
            List<String> values = new ArrayList<>();
            for (JsonNode item : value) {
                if (!item.isValueNode() || item.isNull()) {
                    throw bad(file, "field '" + name + "' must list numbers or strings");
                }
                values.add(item.asText());
            }
            if (values.isEmpty()) {
                throw bad(file, "field '" + name + "' lists no values");
            }
            return new Dimension.Choice(values);
        }
        if (value.isObject() && value.size() == 1) {
            String kind = value.fieldNames().next();
            JsonNode range = value.get(kind);
            if (!range.isArray() || range.size() != 2 || !range.get(0).isNumber() || !range.get(1).isNumber()) {
                throw bad(file, "field '" + name + "." + kind + "' must be [low, high]");
            }
            double low = range.get(0).doubleValue();
            double high = range.get(1).doubleValue();
            try {
                return switch (kind) {
                    case "log_uniform" -> new Dimension.LogUniform(low, high);
                    case "uniform" -> new Dimension.Uniform(low, high);
                    default -> throw bad(file, "field '" + name + "' has the range '" + kind
                            + "'; expected log_uniform or uniform");
                };
            } catch (IllegalArgumentException e) {
                throw bad(file, "field '" + name + "': " + e.getMessage());
            }
        }
        throw bad(file, "field '" + name + "' must be a list of values or {\"log_uniform\": [low, high]} "
                + "or {\"uniform\": [low, high]}");
    }

    private static JsonNode parse(Path file) {
        try {
            if (Files.isRegularFile(file) && Files.size(file) > MAX_BYTES) {
                throw bad(file, "is larger than " + MAX_BYTES + " bytes");
            }
            return MAPPER.readTree(file.toFile());
        } catch (NoSuchFileException e) {
            throw bad(file, "does not exist");
        } catch (IOException e) {
            if (!Files.exists(file)) {
                throw bad(file, "does not exist");
            }
            throw bad(file, "is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static IllegalArgumentException bad(Path file, String problem) {
        return new IllegalArgumentException(file + ": " + problem);
    }
}

package io.github.perceptron.onnx;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.perceptron.core.model.Model;
import io.github.perceptron.core.model.ModelMetadata;
import io.github.perceptron.core.model.Provenance;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What an exported file says about the model beyond its graph, as ONNX {@code metadata_props}:
 * class names, the input's size and normalisation, training metadata and provenance, each a JSON
 * value under a {@code perceptron.} key. Other tools show them; perceptron reads them back.
 */
final class OnnxMetadata {

    static final String CLASS_NAMES = "perceptron.class_names";
    static final String INPUT = "perceptron.input";
    static final String METADATA = "perceptron.metadata";
    static final String PROVENANCE = "perceptron.provenance";
    static final String COMMITTEE = "perceptron.committee";
    static final String NORMALISATION = "grey levels in [0, 1], row-major; ink bright on a black background (0), "
            + "as MNIST: bytes / 255; photos are inverted, cropped to the digit, scaled into 20×20 and centred by mass in 28×28";

    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private OnnxMetadata() {
    }

    static Map<String, String> of(Model model) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put(CLASS_NAMES, json(model.classNames()));
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("width", model.width());
        input.put("height", model.height());
        input.put("normalisation", NORMALISATION);
        props.put(INPUT, json(input));
        ModelMetadata metadata = model.metadata();
        Map<String, Object> trained = new LinkedHashMap<>();
        trained.put("dataset", metadata.dataset());
        trained.put("seed", metadata.seed());
        trained.put("epochs", metadata.epochs());
        trained.put("test_accuracy", metadata.testAccuracy().isPresent() ? metadata.testAccuracy().getAsDouble() : null);
        trained.put("tool_version", metadata.toolVersion());
        trained.put("created", metadata.created().toString());
        props.put(METADATA, json(trained));
        metadata.provenance().ifPresent(p -> props.put(PROVENANCE, json(p)));
        if (model.isCommittee()) {
            props.put(COMMITTEE, json(model.members().stream().map(member -> {
                Map<String, Object> described = new LinkedHashMap<>();
                described.put("layers", member.spec().sizes());
                described.put("seed", member.metadata().seed());
                described.put("epochs", member.metadata().epochs());
                described.put("test_accuracy", member.metadata().testAccuracy().isPresent()
                        ? member.metadata().testAccuracy().getAsDouble() : null);
                described.put("weights", member.weightsDigest());
                return described;
            }).toList()));
        }
        return props;
    }

    /** Class names from the props, or "0", "1", ... when another tool wrote the file. */
    static List<String> classNames(Map<String, String> props, int classes, String file) {
        String value = props.get(CLASS_NAMES);
        if (value == null) {
            return java.util.stream.IntStream.range(0, classes).mapToObj(Integer::toString).toList();
        }
        List<String> names = read(value, new TypeReference<List<String>>() { }, file, CLASS_NAMES);
        if (names.size() != classes || names.stream().anyMatch(n -> n == null || n.isBlank())) {
            throw new OnnxFormatException(file + ": " + CLASS_NAMES + " names " + names.size() + " classes for a graph of "
                    + classes + " outputs");
        }
        return names;
    }

    /** Width and height from the props, else 28×28 for 784 inputs, a square, or one row. */
    static int[] inputSize(Map<String, String> props, int inputs, String file) {
        String value = props.get(INPUT);
        if (value != null) {
            Map<String, Object> input = read(value, new TypeReference<Map<String, Object>>() { }, file, INPUT);
            if (input.get("width") instanceof Integer w && input.get("height") instanceof Integer h && w > 0 && h > 0
                    && (long) w * h == inputs) {
                return new int[] {w, h};
            }
            throw new OnnxFormatException(file + ": " + INPUT + " does not describe " + inputs + " inputs: " + value);
        }
        int side = (int) Math.round(Math.sqrt(inputs));
        return side * side == inputs ? new int[] {side, side} : new int[] {inputs, 1};
    }

    static ModelMetadata metadata(Map<String, String> props, String producer, String file) {
        String value = props.get(METADATA);
        Optional<Provenance> provenance = Optional.ofNullable(props.get(PROVENANCE))
                .map(json -> read(json, new TypeReference<Provenance>() { }, file, PROVENANCE));
        if (value == null) {
            return new ModelMetadata("imported from ONNX" + (producer.isEmpty() ? "" : " (" + producer + ")"), 0, 0,
                    OptionalDouble.empty(), producer.isEmpty() ? "unknown" : producer, Instant.EPOCH, provenance);
        }
        Map<String, Object> m = read(value, new TypeReference<Map<String, Object>>() { }, file, METADATA);
        try {
            Object accuracy = m.get("test_accuracy");
            return new ModelMetadata((String) m.get("dataset"), ((Number) m.get("seed")).longValue(),
                    ((Number) m.get("epochs")).intValue(),
                    accuracy == null ? OptionalDouble.empty() : OptionalDouble.of(((Number) accuracy).doubleValue()),
                    (String) m.get("tool_version"), Instant.parse((String) m.get("created")), provenance);
        } catch (RuntimeException e) {
            throw new OnnxFormatException(file + ": " + METADATA + " is not perceptron's metadata: " + value);
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type, String file, String key) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new OnnxFormatException(file + ": metadata " + key + " is not valid: " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            throw new OnnxFormatException(file + ": metadata " + key + " is not valid: " + e.getMessage());
        }
    }
}

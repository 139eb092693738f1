package io.github.perceptron.persistence;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.perceptron.core.model.ModelStoreException;
import io.github.perceptron.core.network.NetworkSpec;
import io.github.perceptron.core.train.TrainingPlan;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * A whole training plan as one JSON document, the form in which plans travel: to a shard or a
 * trial on a Spark executor, to a comparison's run. The network is written as a model's
 * architecture is (without the image size and class names, which are the data's), and the rest as
 * a checkpoint's {@code training.plan}:
 * {@code {"format": "perceptron-plan", "formatVersion": 1, "network": {"inputs": 784, "hidden": [...],
 * "output": {...}, "loss": ...}, "plan": {...}}}. Read strictly, as model files are.
 */
public final class PlanDocuments {

    static final String FORMAT = "perceptron-plan";
    static final int FORMAT_VERSION = 1;
    /** Where a plan document's errors say they come from: it is never a file of the user's. */
    private static final Path SOURCE = Path.of("plan document");
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private PlanDocuments() {
    }

    /**
     * {@code plan} as a document {@link #read} gives back equal.
     *
     * @param plan the plan
     * @return a JSON document
     */
    public static String write(TrainingPlan plan) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(text)) {
            json.writeStartObject();
            json.writeStringField("format", FORMAT);
            json.writeNumberField("formatVersion", FORMAT_VERSION);
            json.writeObjectFieldStart("network");
            json.writeNumberField("inputs", plan.network().inputs());
            new ModelDocumentWriter(json).writeNetwork(plan.network());
            json.writeEndObject();
            PlanJson.write(json, plan);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a plan to memory", e);
        }
        return text.toString();
    }

    /**
     * The plan {@code document} holds.
     *
     * @throws ModelStoreException naming the field when the document is not a plan this version writes
     * @param document a JSON document {@link #write} made
     * @return the plan
     */
    public static TrainingPlan read(String document) {
        JsonNode root;
        try (JsonParser parser = FACTORY.createParser(document)) {
            root = new ObjectMapper(FACTORY).readTree(parser);
        } catch (JsonProcessingException e) {
            throw new ModelStoreException(SOURCE + ": not JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a plan from memory", e);
        }
        JsonFields fields = new JsonFields(SOURCE);
        if (root == null || !root.isObject()) {
            throw fields.bad("document", "must be an object");
        }
        String format = fields.text(root, "format", "format");
        if (!format.equals(FORMAT)) {
            throw fields.bad("format", "is '" + format + "', not '" + FORMAT + "'");
        }
        fields.integer(root, "formatVersion", "formatVersion", FORMAT_VERSION, FORMAT_VERSION);
        JsonNode network = fields.object(root, "network", "network");
        int inputs = (int) fields.integer(network, "inputs", "network.inputs", 1, NetworkSpec.MAX_INPUTS);
        return PlanJson.read(fields, root, new ModelDocumentReader(SOURCE).spec(network, inputs));
    }
}

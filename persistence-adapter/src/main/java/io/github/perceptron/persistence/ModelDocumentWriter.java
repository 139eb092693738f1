package io.github.perceptron.persistence;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.perceptron.core.layer.LayerSpec;
import io.github.perceptron.core.model.Model;
import io.github.perceptron.core.model.ModelMetadata;
import io.github.perceptron.core.model.ModelStoreException;
import io.github.perceptron.core.model.Provenance;
import io.github.perceptron.core.network.NetworkSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes a model as its JSON document: a single network's in version 3, a committee's in version 4
 * (each member's architecture, parameters and metadata, then the committee's metadata).
 */
final class ModelDocumentWriter {

    private final JsonGenerator json;

    ModelDocumentWriter(JsonGenerator json) {
        this.json = json;
    }

    /** NaN never reaches a file: JSON cannot carry it and a model holding it is garbage anyway. */
    static void checkFinite(Model model, Path location) {
        if (model.isCommittee()) {
            for (Model member : model.members()) {
                checkFinite(member, location);
            }
            return;
        }
        List<float[]> parameters = model.weights();
        for (int p = 0; p < parameters.size(); p++) {
            float[] values = parameters.get(p);
            for (int i = 0; i < values.length; i++) {
                if (!Float.isFinite(values[i])) {
                    throw new ModelStoreException(location + ": refusing to save a model with a non-finite value ("
                            + values[i] + ") in parameter tensor " + p + " at index " + i);
                }
            }
        }
    }

    void write(Model model) throws IOException {
        json.writeStartObject();
        if (model.isCommittee()) {
            writeCommittee(model);
        } else {
            writeFields(JsonModelStore.FORMAT, model);
        }
        json.writeEndObject();
    }

    /** The model's fields under {@code format}, inside an object the caller opened. */
    void writeFields(String format, Model model) throws IOException {
        json.writeStringField("format", format);
        json.writeNumberField("formatVersion", model.inputNormalisation().isNone() ? JsonModelStore.NETWORK_VERSION
                : JsonModelStore.NORMALISING_VERSION);
        writeNetworkFields(model);
    }

    private void writeNetworkFields(Model model) throws IOException {
        writeArchitecture(model);
        writeParameters(model);
        writeMetadata(model.metadata());
    }

    private void writeCommittee(Model committee) throws IOException {
        json.writeStringField("format", JsonModelStore.FORMAT);
        boolean normalising = committee.members().stream().anyMatch(member -> !member.inputNormalisation().isNone());
        json.writeNumberField("formatVersion", normalising ? JsonModelStore.NORMALISING_VERSION
                : JsonModelStore.COMMITTEE_VERSION);
        json.writeStringField("kind", "committee");
        json.writeArrayFieldStart("members");
        for (Model member : committee.members()) {
            json.writeStartObject();
            writeNetworkFields(member);
            json.writeEndObject();
        }
        json.writeEndArray();
        writeMetadata(committee.metadata());
    }

    private void writeArchitecture(Model model) throws IOException {
        NetworkSpec spec = model.spec();
        json.writeObjectFieldStart("architecture");
        json.writeObjectFieldStart("input");
        json.writeNumberField("width", model.width());
        json.writeNumberField("height", model.height());
        if (!model.inputNormalisation().isNone()) {
            json.writeStringField("normalisation", model.inputNormalisation().id());
        }
        json.writeEndObject();
        writeNetwork(spec);
        json.writeArrayFieldStart("classNames");
        for (String name : model.classNames()) {
            json.writeString(name);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    /** A network's layers, output, loss and initialisation, inside an object the caller opened. */
    void writeNetwork(NetworkSpec spec) throws IOException {
        json.writeArrayFieldStart("hidden");
        for (LayerSpec layer : spec.hidden()) {
            json.writeStartObject();
            if (layer instanceof LayerSpec.Dense dense) {
                json.writeStringField("type", "dense");
                json.writeNumberField("units", dense.units());
                json.writeStringField("activation", dense.activation().id());
            } else if (layer instanceof LayerSpec.Dropout dropout) {
                json.writeStringField("type", "dropout");
                json.writeNumberField("rate", dropout.rate());
            }
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeObjectFieldStart("output");
        json.writeNumberField("units", spec.classes());
        json.writeStringField("activation", spec.loss().outputActivation().id());
        json.writeEndObject();
        json.writeStringField("loss", spec.loss().id());
        if (spec.initialization().isPresent()) {
            json.writeStringField("initialization", spec.initialization().get().id());
        }
    }

    private void writeParameters(Model model) throws IOException {
        List<Integer> sizes = model.spec().sizes();
        List<float[]> parameters = model.weights();
        json.writeArrayFieldStart("parameters");
        for (int p = 0; p < parameters.size(); p++) {
            int layer = p / 2;
            json.writeStartObject();
            json.writeNumberField("layer", layer + 1);
            // Model.weights() order: each dense layer's weights, then its biases.
            json.writeStringField("name", p % 2 == 0 ? "weights" : "biases");
            json.writeArrayFieldStart("shape");
            if (p % 2 == 0) {
                json.writeNumber(sizes.get(layer));
            }
            json.writeNumber(sizes.get(layer + 1));
            json.writeEndArray();
            json.writeArrayFieldStart("values");
            // Float.toString gives the shortest decimal that parses back to the same float32.
            for (float value : parameters.get(p)) {
                json.writeNumber(value);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private void writeMetadata(ModelMetadata metadata) throws IOException {
        json.writeObjectFieldStart("metadata");
        json.writeStringField("dataset", metadata.dataset());
        json.writeNumberField("seed", metadata.seed());
        json.writeNumberField("epochs", metadata.epochs());
        if (metadata.testAccuracy().isPresent()) {
            json.writeNumberField("testAccuracy", metadata.testAccuracy().getAsDouble());
        }
        json.writeStringField("toolVersion", metadata.toolVersion());
        json.writeStringField("created", metadata.created().toString());
        if (metadata.provenance().isPresent()) {
            writeProvenance(metadata.provenance().get());
        }
        json.writeEndObject();
    }

    /** A plan's value: a string, number, boolean, or a list or map of them (see {@link Provenance#plan()}). */
    private void writePlain(Object value) throws IOException {
        if (value instanceof String text) {
            json.writeString(text);
        } else if (value instanceof Long whole) {
            json.writeNumber(whole);
        } else if (value instanceof Double number) {
            json.writeNumber(number);
        } else if (value instanceof Boolean flag) {
            json.writeBoolean(flag);
        } else if (value instanceof java.util.List<?> list) {
            json.writeStartArray();
            for (Object item : list) {
                writePlain(item);
            }
            json.writeEndArray();
        } else if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                json.writeFieldName(String.valueOf(entry.getKey()));
                writePlain(entry.getValue());
            }
            json.writeEndObject();
        } else {
            throw new IllegalStateException("a plan value of " + value.getClass());
        }
    }

    private void writeProvenance(Provenance provenance) throws IOException {
        json.writeObjectFieldStart("provenance");
        json.writeObjectFieldStart("plan");
        for (Map.Entry<String, Object> field : provenance.plan().entrySet()) {
            json.writeFieldName(field.getKey());
            writePlain(field.getValue());
        }
        json.writeEndObject();
        json.writeObjectFieldStart("data");
        json.writeStringField("train", provenance.trainDigest());
        json.writeStringField("test", provenance.testDigest());
        json.writeStringField("validation", provenance.validation());
        json.writeEndObject();
        json.writeNumberField("keptEpoch", provenance.keptEpoch());
        json.writeStringField("keptBecause", provenance.keptBecause());
        json.writeObjectFieldStart("machine");
        json.writeStringField("kernel", provenance.kernel());
        json.writeNumberField("threads", provenance.threads());
        json.writeStringField("java", provenance.java());
        json.writeStringField("cpu", provenance.cpu());
        json.writeEndObject();
        json.writeStringField("gitCommit", provenance.gitCommit());
        json.writeEndObject();
    }
}

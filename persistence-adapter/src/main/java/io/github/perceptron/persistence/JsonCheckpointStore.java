package io.github.perceptron.persistence;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.perceptron.core.checkpoint.BestEpoch;
import io.github.perceptron.core.checkpoint.CheckpointStore;
import io.github.perceptron.core.checkpoint.TrainerState;
import io.github.perceptron.core.checkpoint.TrainingCheckpoint;
import io.github.perceptron.core.data.ValidationSplit;
import io.github.perceptron.core.model.Model;
import io.github.perceptron.core.model.ModelStoreException;
import io.github.perceptron.core.train.TrainingPlan;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checkpoints as JSON: the model document (so {@code info}, {@code evaluate} and {@code predict}
 * read a checkpoint like a model) under the format name {@code perceptron-checkpoint}, plus a
 * {@code training} section: the plan, the epoch, and the trainer's state but its weights (which are
 * the model's): the generator's state, the optimiser's step count and state arrays, and the example
 * order. Saved atomically, read strictly.
 */
public final class JsonCheckpointStore implements CheckpointStore {

    private final JsonModelStore models = new JsonModelStore();

    @Override
    public void save(TrainingCheckpoint checkpoint, Path location) {
        ModelDocumentWriter.checkFinite(checkpoint.model(), location);
        models.writeAtomically(location, json -> {
            json.writeStartObject();
            new ModelDocumentWriter(json).writeFields(JsonModelStore.CHECKPOINT_FORMAT, checkpoint.model());
            writeTraining(json, checkpoint);
            json.writeEndObject();
        });
    }

    private static void writeTraining(JsonGenerator json, TrainingCheckpoint checkpoint) throws IOException {
        TrainerState state = checkpoint.state();
        json.writeObjectFieldStart("training");
        PlanJson.write(json, checkpoint.plan());
        ValidationSplit validation = checkpoint.validation();
        json.writeNumberField("validationSize", validation.count());
        json.writeObjectFieldStart("validationSplit");
        json.writeStringField("kind", validation.kind() == ValidationSplit.Kind.LAST ? "last" : "stratified");
        json.writeNumberField("seed", validation.seed());
        json.writeEndObject();
        json.writeStringField("kernel", checkpoint.kernel());
        json.writeNumberField("epoch", checkpoint.epoch());
        json.writeNumberField("randomState", state.randomState());
        json.writeNumberField("optimizerSteps", state.optimizerSteps());
        json.writeArrayFieldStart("optimizerState");
        for (float[][] slots : state.optimizerState()) {
            json.writeStartArray();
            for (float[] slot : slots) {
                json.writeStartArray();
                for (float value : slot) {
                    json.writeNumber(value);
                }
                json.writeEndArray();
            }
            json.writeEndArray();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("order");
        for (int index : state.order()) {
            json.writeNumber(index);
        }
        json.writeEndArray();
        writeBest(json, checkpoint.best());
        json.writeEndObject();
    }

    /** Early stopping's memory, when the run has one: the best epoch, its figure, and its weights when kept. */
    private static void writeBest(JsonGenerator json, BestEpoch best) throws IOException {
        if (best.epoch() == 0) {
            return;
        }
        json.writeObjectFieldStart("best");
        json.writeNumberField("epoch", best.epoch());
        json.writeNumberField("score", best.score());
        json.writeNumberField("since", best.since());
        json.writeArrayFieldStart("weights");
        for (float[] tensor : best.weights()) {
            json.writeStartArray();
            for (float value : tensor) {
                json.writeNumber(value);
            }
            json.writeEndArray();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    @Override
    public TrainingCheckpoint load(Path location) {
        JsonModelStore.Document document = models.readDocument(location);
        JsonNode root = document.root();
        Model model = new ModelDocumentReader(location).read(root, JsonModelStore.CHECKPOINT_FORMAT);
        JsonFields fields = new JsonFields(location);
        JsonNode training = fields.object(root, "training", "training");
        TrainingPlan plan = PlanJson.read(fields, training, model.spec());
        ValidationSplit validation = validationSplit(fields, training);
        int epoch = (int) fields.integer(training, "epoch", "training.epoch", 0, plan.epochs());
        long random = fields.integer(training, "randomState", "training.randomState", Long.MIN_VALUE, Long.MAX_VALUE);
        long steps = fields.integer(training, "optimizerSteps", "training.optimizerSteps", 0, Long.MAX_VALUE);
        List<float[][]> state = optimizerState(fields, training, model, plan.optimizer().stateSlots());
        int[] order = order(fields, training);
        BestEpoch best = best(fields, training, model);
        // Checkpoints from before the kernel was recorded were all trained with the vector kernel or
        // the portable one; which is unknown, so no warning can be given for them.
        String kernel = training.has("kernel") ? fields.text(training, "kernel", "training.kernel") : "unknown";
        TrainingCheckpoint checkpoint;
        try {
            // The weights are the model's: the file holds them once.
            List<float[]> weights = model.weights();
            checkpoint = new TrainingCheckpoint(model, plan, epoch, new TrainerState(weights, state, steps, random, order),
                    best, validation, kernel);
        } catch (IllegalArgumentException e) {
            throw fields.bad("training", "is inconsistent: " + e.getMessage());
        }
        requireIntact(location, document.checksum());
        return checkpoint;
    }

    /**
     * Checked last, so that a broken field is named as such: a well-formed checkpoint must also be
     * byte for byte the one saved, since a resumed run is meant to be the very run that stopped.
     */
    private static void requireIntact(Path location, JsonModelStore.ChecksumState checksum) {
        if (checksum != JsonModelStore.ChecksumState.MATCHES) {
            throw new ModelStoreException(location + ": " + (checksum == JsonModelStore.ChecksumState.ABSENT
                    ? "has no checksum (written by an older perceptron, or the field was removed)"
                    : "its checksum does not match its content: it was changed after it was saved")
                    + "; a run resumes only from the exact state it saved, so start a new run");
        }
    }

    /** Checkpoints written before the stratified split held out their last images. */
    private static ValidationSplit validationSplit(JsonFields fields, JsonNode training) {
        int count = (int) fields.integer(training, "validationSize", "training.validationSize", 0, Integer.MAX_VALUE);
        if (!training.has("validationSplit")) {
            return ValidationSplit.last(count);
        }
        JsonNode split = fields.object(training, "validationSplit", "training.validationSplit");
        String kind = fields.text(split, "kind", "training.validationSplit.kind");
        long seed = fields.integer(split, "seed", "training.validationSplit.seed", Long.MIN_VALUE, Long.MAX_VALUE);
        return switch (kind) {
            case "stratified" -> ValidationSplit.stratified(count, seed);
            case "last" -> ValidationSplit.last(count);
            default -> throw fields.bad("training.validationSplit.kind", "is '" + kind + "', expected stratified or last");
        };
    }

    private static BestEpoch best(JsonFields fields, JsonNode training, Model model) {
        if (!training.has("best")) {
            return BestEpoch.NONE;
        }
        JsonNode best = fields.object(training, "best", "training.best");
        int epoch = (int) fields.integer(best, "epoch", "training.best.epoch", 1, Integer.MAX_VALUE);
        double score = fields.number(best, "score", "training.best.score", -Double.MAX_VALUE, Double.MAX_VALUE);
        int since = (int) fields.integer(best, "since", "training.best.since", 0, Integer.MAX_VALUE);
        JsonNode tensors = fields.array(best, "weights", "training.best.weights");
        List<float[]> modelWeights = model.weights();
        if (tensors.size() != 0 && tensors.size() != modelWeights.size()) {
            throw fields.bad("training.best.weights", "has " + tensors.size() + " tensors, the model has "
                    + modelWeights.size());
        }
        List<float[]> weights = new ArrayList<>();
        for (int p = 0; p < tensors.size(); p++) {
            int length = modelWeights.get(p).length;
            String path = "training.best.weights[" + p + "]";
            if (!tensors.get(p).isArray() || tensors.get(p).size() != length) {
                throw fields.bad(path, "must hold " + length + " numbers");
            }
            weights.add(fields.finiteFloats(tensors.get(p), length, path));
        }
        return new BestEpoch(epoch, score, since, weights);
    }

    private static List<float[][]> optimizerState(JsonFields fields, JsonNode training, Model model, int slots) {
        JsonNode all = fields.array(training, "optimizerState", "training.optimizerState");
        List<float[]> modelWeights = model.weights();
        if (all.size() != modelWeights.size()) {
            throw fields.bad("training.optimizerState", "has " + all.size() + " tensors, the model has "
                    + modelWeights.size());
        }
        List<float[][]> state = new ArrayList<>();
        for (int p = 0; p < all.size(); p++) {
            String path = "training.optimizerState[" + p + "]";
            JsonNode tensor = all.get(p);
            if (!tensor.isArray() || tensor.size() != slots) {
                throw fields.bad(path, "must hold " + slots + " arrays for this optimiser");
            }
            int length = modelWeights.get(p).length;
            float[][] values = new float[slots][];
            for (int s = 0; s < slots; s++) {
                JsonNode slot = tensor.get(s);
                if (!slot.isArray() || slot.size() != length) {
                    throw fields.bad(path + "[" + s + "]", "must hold " + length + " numbers");
                }
                values[s] = fields.finiteFloats(slot, length, path + "[" + s + "]");
            }
            state.add(values);
        }
        return state;
    }

    private static int[] order(JsonFields fields, JsonNode training) {
        JsonNode node = fields.array(training, "order", "training.order");
        int[] order = new int[node.size()];
        boolean[] seen = new boolean[node.size()];
        for (int i = 0; i < order.length; i++) {
            JsonNode value = node.get(i);
            if (!value.canConvertToInt() || value.intValue() < 0 || value.intValue() >= order.length || seen[value.intValue()]) {
                throw fields.bad("training.order", "is not a permutation of 0.." + (order.length - 1) + " (at index " + i + ")");
            }
            order[i] = value.intValue();
            seen[order[i]] = true;
        }
        return order;
    }
}

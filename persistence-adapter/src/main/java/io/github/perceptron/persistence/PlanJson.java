package io.github.perceptron.persistence;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.perceptron.core.augment.Augmentation;
import io.github.perceptron.core.data.InputNormalisation;
import io.github.perceptron.core.network.NetworkSpec;
import io.github.perceptron.core.optim.LearningRateSchedule;
import io.github.perceptron.core.optim.OptimizerSpec;
import io.github.perceptron.core.train.ClassWeights;
import io.github.perceptron.core.train.EarlyStopping;
import io.github.perceptron.core.train.TrainingPlan;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A training plan as JSON. Optimisers, schedules and augmentation are records of numbers, written
 * as {@code {"type": ..., <component>: <number>, ...}} from their record components, so a new
 * hyper-parameter needs no code here. Type ids are explicit names, never derived from class names:
 * an optimiser's is its {@link OptimizerSpec#id()}, the one the command line takes.
 */
final class PlanJson {

    private static final Map<String, Class<?>> OPTIMIZERS = byId(OptimizerSpec.ids().stream()
            .map(id -> OptimizerSpec.of(id, null, 0)).toList(), OptimizerSpec::id);
    /** One of each kind, for its record type: the ids are the schedules' own. */
    private static final Map<String, Class<?>> SCHEDULES = byId(List.of(new LearningRateSchedule.Constant(),
            new LearningRateSchedule.StepDecay(1, 0.5), new LearningRateSchedule.Cosine(0),
            new LearningRateSchedule.Warmup(1, new LearningRateSchedule.Constant())), LearningRateSchedule::id);
    private static final Map<String, Class<?>> AUGMENTATIONS = orderedMap("augmentation", Augmentation.class);
    /** Ids files written by earlier versions use, read as today's: RMSProp was written from its class name. */
    private static final Map<String, String> EARLIER_IDS = Map.of("rms-prop", "rmsprop");

    private PlanJson() {
    }

    static void write(JsonGenerator json, TrainingPlan plan) throws IOException {
        json.writeObjectFieldStart("plan");
        json.writeFieldName("optimizer");
        writeRecord(json, (Record) plan.optimizer());
        json.writeFieldName("schedule");
        writeRecord(json, (Record) plan.schedule());
        json.writeFieldName("augmentation");
        writeRecord(json, plan.augmentation());
        json.writeNumberField("l2", plan.l2());
        json.writeNumberField("epochs", plan.epochs());
        json.writeNumberField("batchSize", plan.batchSize());
        json.writeNumberField("seed", plan.seed());
        json.writeBooleanField("shuffle", plan.shuffle());
        ClassWeights weights = plan.classWeights();
        if (weights.balanced()) {
            json.writeStringField("classWeights", "balanced");
        } else if (weights.isActive()) {
            json.writeArrayFieldStart("classWeights");
            for (double weight : weights.weights()) {
                json.writeNumber(weight);
            }
            json.writeEndArray();
        }
        // Written only when used, so plans without them read as before in earlier versions.
        if (plan.labelSmoothing() > 0) {
            json.writeNumberField("labelSmoothing", plan.labelSmoothing());
        }
        if (plan.averagedEpochs() > 0) {
            json.writeNumberField("averagedEpochs", plan.averagedEpochs());
        }
        if (!plan.inputNormalisation().isNone()) {
            json.writeStringField("inputNormalisation", plan.inputNormalisation().id());
        }
        EarlyStopping stopping = plan.earlyStopping();
        if (!stopping.equals(EarlyStopping.NONE)) {
            json.writeObjectFieldStart("earlyStopping");
            json.writeStringField("monitor", stopping.monitor().id());
            json.writeNumberField("patience", stopping.patience());
            json.writeNumberField("minDelta", stopping.minDelta());
            json.writeBooleanField("restoreBest", stopping.restoreBest());
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    static TrainingPlan read(JsonFields fields, JsonNode training, NetworkSpec network) {
        JsonNode plan = fields.object(training, "plan", "training.plan");
        OptimizerSpec optimizer = (OptimizerSpec) readRecord(fields, plan, "optimizer", "training.plan.optimizer", OPTIMIZERS);
        LearningRateSchedule schedule = (LearningRateSchedule) readRecord(fields, plan, "schedule",
                "training.plan.schedule", SCHEDULES);
        Augmentation augmentation = (Augmentation) readRecord(fields, plan, "augmentation",
                "training.plan.augmentation", AUGMENTATIONS);
        try {
            return new TrainingPlan(network, optimizer, schedule,
                    fields.number(plan, "l2", "training.plan.l2", 0, 1),
                    (int) fields.integer(plan, "epochs", "training.plan.epochs", 1, 1_000_000),
                    (int) fields.integer(plan, "batchSize", "training.plan.batchSize", 1, 1_000_000),
                    fields.integer(plan, "seed", "training.plan.seed", Long.MIN_VALUE, Long.MAX_VALUE),
                    bool(fields, plan, "shuffle", "training.plan.shuffle"), augmentation, earlyStopping(fields, plan),
                    classWeights(fields, plan),
                    plan.has("labelSmoothing")
                            ? fields.number(plan, "labelSmoothing", "training.plan.labelSmoothing", 0, 0.5) : 0,
                    plan.has("averagedEpochs")
                            ? (int) fields.integer(plan, "averagedEpochs", "training.plan.averagedEpochs", 0, 1_000_000)
                            : 0,
                    inputNormalisation(fields, plan));
        } catch (IllegalArgumentException e) {
            throw fields.bad("training.plan", "is inconsistent: " + e.getMessage());
        }
    }

    /** Plans written before input normalisation have none. */
    static InputNormalisation inputNormalisation(JsonFields fields, JsonNode plan) {
        if (!plan.has("inputNormalisation")) {
            return InputNormalisation.NONE;
        }
        return fields.parsed(plan, "inputNormalisation", "training.plan.inputNormalisation", InputNormalisation::parse);
    }

    /** Plans written before class weights have none. */
    private static ClassWeights classWeights(JsonFields fields, JsonNode plan) {
        String path = "training.plan.classWeights";
        JsonNode node = plan.get("classWeights");
        if (node == null) {
            return ClassWeights.NONE;
        }
        if (node.isTextual() && node.asText().equals("balanced")) {
            return ClassWeights.balancedWeights();
        }
        if (!node.isArray()) {
            throw fields.bad(path, "must be \"balanced\" or a list of numbers");
        }
        java.util.List<Double> weights = new java.util.ArrayList<>();
        for (int c = 0; c < node.size(); c++) {
            if (!node.get(c).isNumber()) {
                throw fields.bad(path + "[" + c + "]", "must be a number");
            }
            weights.add(node.get(c).doubleValue());
        }
        try {
            return ClassWeights.of(weights);
        } catch (IllegalArgumentException e) {
            throw fields.bad(path, e.getMessage());
        }
    }

    /** Plans written before early stopping moved into core have none. */
    private static EarlyStopping earlyStopping(JsonFields fields, JsonNode plan) {
        if (!plan.has("earlyStopping")) {
            return EarlyStopping.NONE;
        }
        String path = "training.plan.earlyStopping";
        JsonNode node = fields.object(plan, "earlyStopping", path);
        EarlyStopping.Monitor monitor;
        try {
            monitor = EarlyStopping.Monitor.of(fields.text(node, "monitor", path + ".monitor"));
        } catch (IllegalArgumentException e) {
            throw fields.bad(path + ".monitor", e.getMessage());
        }
        return new EarlyStopping(monitor, (int) fields.integer(node, "patience", path + ".patience", 0, 1_000_000),
                fields.number(node, "minDelta", path + ".minDelta", 0, Double.MAX_VALUE),
                bool(fields, node, "restoreBest", path + ".restoreBest"));
    }

    private static void writeRecord(JsonGenerator json, Record value) throws IOException {
        json.writeStartObject();
        json.writeStringField("type", typeId(value));
        for (RecordComponent component : value.getClass().getRecordComponents()) {
            Object field = get(component, value);
            json.writeFieldName(component.getName());
            if (field instanceof Record nested) {
                writeRecord(json, nested);
            } else {
                json.writeNumber(((Number) field).doubleValue());
            }
        }
        json.writeEndObject();
    }

    private static Record readRecord(JsonFields fields, JsonNode parent, String field, String path,
                                     Map<String, Class<?>> types) {
        JsonNode node = fields.object(parent, field, path);
        String type = fields.text(node, "type", path + ".type");
        Class<?> chosen = types.get(EARLIER_IDS.getOrDefault(type, type));
        if (chosen == null) {
            throw fields.bad(path + ".type", "is '" + type + "', expected one of " + types.keySet());
        }
        RecordComponent[] components = chosen.getRecordComponents();
        Object[] arguments = new Object[components.length];
        Class<?>[] parameterTypes = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            String componentPath = path + "." + component.getName();
            parameterTypes[i] = component.getType();
            if (component.getType() == double.class) {
                arguments[i] = fields.number(node, component.getName(), componentPath, -Double.MAX_VALUE, Double.MAX_VALUE);
            } else if (component.getType() == int.class) {
                arguments[i] = (int) fields.number(node, component.getName(), componentPath, 0, Integer.MAX_VALUE);
            } else {
                arguments[i] = readRecord(fields, node, component.getName(), componentPath, SCHEDULES);
            }
        }
        try {
            Constructor<?> constructor = chosen.getDeclaredConstructor(parameterTypes);
            return (Record) constructor.newInstance(arguments);
        } catch (InvocationTargetException e) {
            throw fields.bad(path, "is invalid: " + e.getCause().getMessage());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + chosen, e);
        }
    }

    private static boolean bool(JsonFields fields, JsonNode parent, String field, String path) {
        JsonNode node = fields.present(parent, field, path);
        if (!node.isBoolean()) {
            throw fields.bad(path, "must be true or false");
        }
        return node.booleanValue();
    }

    /** The id a record is written under. */
    private static String typeId(Record value) {
        if (value instanceof OptimizerSpec optimizer) {
            return optimizer.id();
        }
        for (Map<String, Class<?>> types : List.of(SCHEDULES, AUGMENTATIONS)) {
            for (Map.Entry<String, Class<?>> entry : types.entrySet()) {
                if (entry.getValue() == value.getClass()) {
                    return entry.getKey();
                }
            }
        }
        throw new IllegalStateException("no type id for " + value.getClass());
    }

    /** Each optimiser's class under its {@link OptimizerSpec#id()}. */
    private static <T> Map<String, Class<?>> byId(List<T> examples, Function<T, String> id) {
        Map<String, Class<?>> ids = new LinkedHashMap<>();
        for (T example : examples) {
            ids.put(id.apply(example), example.getClass());
        }
        return Collections.unmodifiableMap(ids);
    }

    private static Map<String, Class<?>> orderedMap(Object... idsAndTypes) {
        Map<String, Class<?>> map = new LinkedHashMap<>();
        for (int i = 0; i < idsAndTypes.length; i += 2) {
            map.put((String) idsAndTypes[i], (Class<?>) idsAndTypes[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }

    private static Object get(RecordComponent component, Record value) {
        try {
            return component.getAccessor().invoke(value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }

}

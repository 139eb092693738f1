package io.github.perceptron.core.train;

import io.github.perceptron.core.optim.LearningRateSchedule;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A plan's parts as plain data (maps, numbers, booleans and strings) for its provenance: the
 * document a model file keeps and {@code info --json} prints. Never a Java {@code toString}.
 */
final class PlanValues {

    private PlanValues() {
    }

    /**
     * {@code {"type": type, component: value, ...}} of a record of numbers, flags, enums and
     * records: the shape a checkpoint's plan has too ({@code type} names it as the options do).
     */
    static Map<String, Object> typed(String type, Record value) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("type", type);
        fields.putAll(components(value));
        return fields;
    }

    /** Each component of {@code value} by name, as plain data. */
    static Map<String, Object> components(Record value) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (RecordComponent component : value.getClass().getRecordComponents()) {
            try {
                fields.put(component.getName(), plain(component.getAccessor().invoke(value)));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + component.getName() + " of " + value.getClass(), e);
            }
        }
        return fields;
    }

    /** The schedule as {@code {"type": "cosine", "finalFraction": 0.0}}, a warm-up with the schedule it leads to. */
    static Map<String, Object> schedule(LearningRateSchedule schedule) {
        if (schedule instanceof LearningRateSchedule.Warmup warmup) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("type", warmup.id());
            fields.put("epochs", warmup.epochs());
            fields.put("then", schedule(warmup.then()));
            return fields;
        }
        return typed(schedule.id(), (Record) schedule);
    }

    private static Object plain(Object value) {
        if (value instanceof Enum<?> constant) {
            try {
                return constant.getClass().getMethod("id").invoke(constant);
            } catch (ReflectiveOperationException noId) {
                return constant.name().toLowerCase(java.util.Locale.ROOT);
            }
        }
        if (value instanceof Record record) {
            return components(record);
        }
        return value;
    }
}

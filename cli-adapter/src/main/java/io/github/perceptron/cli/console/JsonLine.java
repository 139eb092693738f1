package io.github.perceptron.cli.console;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * One-line JSON for the command line's machine-readable output, through Jackson: maps keep their
 * iteration order. Non-finite numbers become null, as JSON has no NaN (Jackson would write a bare
 * {@code NaN} token that strict parsers refuse).
 */
public final class JsonLine {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new SimpleModule("finite-numbers")
                    .addSerializer(Double.class, new FiniteOrNull<>(Double.class))
                    .addSerializer(Float.class, new FiniteOrNull<>(Float.class)))
            .build();

    private JsonLine() {
    }

    public static String of(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("no JSON form for " + value.getClass().getName(), e);
        }
    }

    /** A double or float as its shortest decimal form when finite, else null. */
    private static final class FiniteOrNull<T extends Number> extends StdSerializer<T> {
        FiniteOrNull(Class<T> type) {
            super(type);
        }

        @Override
        public void serialize(T value, JsonGenerator out, SerializerProvider provider) throws IOException {
            double asDouble = value.doubleValue();
            if (!Double.isFinite(asDouble)) {
                out.writeNull();
            } else if (value instanceof Float single) {
                out.writeNumber(single);
            } else {
                out.writeNumber(asDouble);
            }
        }
    }
}

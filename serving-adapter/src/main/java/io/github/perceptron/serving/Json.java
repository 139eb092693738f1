package io.github.perceptron.serving;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The service's JSON bodies, written by one shared (thread-safe) mapper. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String TYPE = "application/json; charset=utf-8";
    /** The media type alone, as {@link Exchange#mediaType} gives a request's. */
    static final String TYPE_NAME = "application/json";

    private Json() {
    }

    static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code {"status": 400, "error": "..."}}: every refusal has this shape. */
    static byte[] error(int status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("error", message);
        return bytes(body);
    }
}

package io.github.perceptron.serving;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code {"pixels": [[...], ...]}}: a batch of images, each {@code inputs} numbers in [0,1].
 * Streams through the body once, and names the first thing wrong by its place, e.g.
 * {@code pixels[2][17]}.
 */
final class PixelBatch {

    /** Jackson's bundled fast (and exactly rounding) number parser: parsing 784 numbers dominates a request. */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build();

    private final int inputs;
    private final String shape;
    private final int maxImages;

    /** @param shape the image size as users know it, e.g. "28×28" */
    PixelBatch(int inputs, String shape, int maxImages) {
        this.inputs = inputs;
        this.shape = shape;
        this.maxImages = maxImages;
    }

    List<float[]> read(byte[] body) {
        try (JsonParser parser = FACTORY.createParser(body)) {
            return read(parser);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw ApiException.badRequest("malformed JSON: " + inOurWords(e.getOriginalMessage())
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);  // reading a byte array does not fail
        }
    }

    /** The parser's complaint, first line only, without the names of Jackson's own classes and methods. */
    static String inOurWords(String message) {
        String first = message == null ? "" : message.lines().findFirst().orElse("");
        return first.replaceAll(",? *from `[A-Za-z0-9_.]+(\\(\\))?`", "").replace("Number value length", "a number's length");
    }

    private List<float[]> read(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw ApiException.badRequest("the body must be a JSON object {\"pixels\": [[...], ...]}");
        }
        List<float[]> images = null;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            String field = parser.currentName();
            if (!"pixels".equals(field)) {
                throw ApiException.badRequest("unknown field \"" + field + "\"; the body has one field, \"pixels\"");
            }
            parser.nextToken();
            images = images(parser);
        }
        if (parser.nextToken() != null) {
            throw ApiException.badRequest("unexpected content after the JSON object");
        }
        if (images == null) {
            throw ApiException.badRequest("missing field \"pixels\": a list of images, each " + inputs + " numbers in [0, 1]");
        }
        if (images.isEmpty()) {
            throw ApiException.badRequest("\"pixels\" holds no image");
        }
        return images;
    }

    private List<float[]> images(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw ApiException.badRequest("\"pixels\" must be a list of images, each a list of " + inputs + " numbers");
        }
        List<float[]> images = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            int index = images.size();
            if (index == maxImages) {
                throw ApiException.badRequest("more than " + maxImages + " images in one request; send them in several");
            }
            if (token != JsonToken.START_ARRAY) {
                throw ApiException.badRequest("pixels[" + index + "] must be a list of " + inputs
                        + " numbers (the body is a batch: {\"pixels\": [[...], ...]})");
            }
            images.add(image(parser, index));
        }
        return images;
    }

    private float[] image(JsonParser parser, int index) throws IOException {
        float[] pixels = new float[inputs];
        int count = 0;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token != JsonToken.VALUE_NUMBER_FLOAT && token != JsonToken.VALUE_NUMBER_INT) {
                throw ApiException.badRequest(place(index, count) + " is " + describe(token, parser)
                        + "; pixels are numbers in [0, 1]");
            }
            if (count == inputs) {
                throw ApiException.badRequest("pixels[" + index + "] has more than " + inputs + " values; the model takes "
                        + inputs + " (" + shape + ")");
            }
            // The range is checked on the number as a double, before it is rounded to float:
            // -1e-50 and 1.00000001 round into [0, 1] as floats, but are not pixels.
            double exact = parser.getDoubleValue();
            float value = parser.getFloatValue();
            if (!(exact >= 0 && exact <= 1)) {
                throw ApiException.badRequest(place(index, count) + " is " + parser.getText() + "; pixels must be in [0, 1]");
            }
            pixels[count++] = value;
        }
        if (count != inputs) {
            throw ApiException.badRequest("pixels[" + index + "] has " + count + " values; the model takes " + inputs
                    + " (" + shape + ")");
        }
        return pixels;
    }

    private static String place(int image, int pixel) {
        return "pixels[" + image + "][" + pixel + "]";
    }

    private static String describe(JsonToken token, JsonParser parser) throws IOException {
        return switch (token) {
            case VALUE_STRING -> "a string \"" + abbreviate(parser.getText()) + "\"";
            case VALUE_NULL -> "null";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case START_ARRAY -> "a list";
            case START_OBJECT -> "an object";
            default -> token.asString() == null ? token.name() : token.asString();
        };
    }

    private static String abbreviate(String text) {
        return text.length() <= 20 ? text : text.substring(0, 20) + "…";
    }
}

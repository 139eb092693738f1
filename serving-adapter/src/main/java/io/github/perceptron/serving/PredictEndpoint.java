package io.github.perceptron.serving;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.perceptron.core.model.Model;
import io.github.perceptron.core.model.Prediction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * {@code POST /v1/predict}: an image body (normalised as {@code perceptron predict} does) or a JSON
 * batch of pixel arrays, answered with each image's class and probabilities. With {@code ?input=true}
 * an image's answer also carries the pixels the model saw.
 */
final class PredictEndpoint implements Router.Endpoint {

    private static final Set<String> IMAGE_TYPES = Set.of("image/png", "image/jpeg", "image/gif", "image/bmp",
            "application/octet-stream");

    private final ModelSlot slot;
    private final ImageDecoder decoder;
    private final ServerSettings settings;
    private final Semaphore computeSlots;
    /** Kibibytes of request bodies held at once: four bodies at the limit, and 1 MiB more for small ones. */
    private final Semaphore bodyKibibytes;
    private final Metrics metrics;

    PredictEndpoint(ModelSlot slot, ImageDecoder decoder, ServerSettings settings, Metrics metrics) {
        this.slot = slot;
        this.decoder = decoder;
        this.settings = settings;
        // Fair: waiting requests are served in arrival order, which keeps the latency tail short under load.
        this.computeSlots = new Semaphore(settings.computeSlots(), true);
        this.bodyKibibytes = new Semaphore(4 * kibibytes(settings.maxBodyBytes()) + 1024, true);
        this.metrics = metrics;
    }

    @Override
    public void handle(Exchange exchange) throws IOException {
        String type = exchange.mediaType();
        boolean json = Json.TYPE_NAME.equals(type);
        if (!json && (type == null || !IMAGE_TYPES.contains(type))) {
            throw new ApiException(415, (type == null ? "no Content-Type" : "Content-Type " + type + " is not accepted")
                    + "; send application/json ({\"pixels\": [[...], ...]}) or an image (image/png, image/jpeg)");
        }
        // Bodies are held whole in memory: a budget keeps many large uploads at once from exhausting it.
        long declared = exchange.declaredLength(settings.maxBodyBytes());
        int kibibytes = kibibytes(declared >= 0 ? declared : settings.maxBodyBytes());
        acquire(bodyKibibytes, kibibytes, "the server is busy: other large request bodies are being read");
        try {
            byte[] body = exchange.readBody(settings.maxBodyBytes());
            if (!json) {
                refuseAnotherFormat(type, body);
            }
            answer(exchange, json, body);
        } finally {
            bodyKibibytes.release(kibibytes);
        }
    }

    /**
     * An image whose bytes are of another format than its Content-Type says (a JPEG sent as
     * image/png) is refused with 415: the format is read from the bytes, so the type must not lie.
     * {@code application/octet-stream} leaves it to the bytes; bytes of no format we know go on to
     * the decoder, which names the problem.
     */
    static void refuseAnotherFormat(String type, byte[] body) {
        String actual = formatOf(body);
        String declared = switch (type) {
            case "image/png" -> "PNG";
            case "image/jpeg" -> "JPEG";
            case "image/gif" -> "GIF";
            case "image/bmp" -> "BMP";
            default -> null;
        };
        if (declared != null && actual != null && !declared.equals(actual)) {
            throw new ApiException(415, "Content-Type " + type + ", but the body is a " + actual
                    + " image; send the type it is, or application/octet-stream");
        }
    }

    /** The format the first bytes announce: PNG, JPEG, GIF or BMP, or null for none of them. */
    static String formatOf(byte[] body) {
        if (startsWith(body, 0x89, 'P', 'N', 'G')) {
            return "PNG";
        }
        if (startsWith(body, 0xff, 0xd8, 0xff)) {
            return "JPEG";
        }
        if (startsWith(body, 'G', 'I', 'F', '8')) {
            return "GIF";
        }
        return startsWith(body, 'B', 'M') ? "BMP" : null;
    }

    private static boolean startsWith(byte[] body, int... prefix) {
        if (body.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((body[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private void answer(Exchange exchange, boolean json, byte[] body) throws IOException {
        if (body.length == 0) {
            throw ApiException.badRequest("the request body is empty");
        }
        ServedModel served = slot.current();  // one model for the whole request, whatever reloads happen meanwhile
        Model model = served.model();
        acquire(computeSlots, 1, "the server is busy: every compute slot stayed taken for "
                + settings.busyWait().toMillis() + " ms");
        List<float[]> images;
        List<Prediction> predictions;
        try {
            images = json ? new PixelBatch(model.width() * model.height(), model.width() + "×" + model.height(),
                    settings.maxImagesPerRequest()).read(body) : List.of(decode(body, model));
            predictions = images.size() == 1 ? List.of(model.predict(images.get(0))) : model.predictAll(images);
        } finally {
            computeSlots.release();
        }
        metrics.classified(predictions.size());
        boolean echoInput = !json && "input=true".equals(exchange.rawQuery());
        exchange.setResponseHeader("X-Model-Generation", Long.toString(served.generation()));
        exchange.send(200, Json.TYPE, predictionsJson(predictions, echoInput ? images.get(0) : null));
    }

    private static int kibibytes(long bytes) {
        return (int) Math.min(Integer.MAX_VALUE / 8, (bytes + 1023) / 1024);
    }

    private float[] decode(byte[] body, Model model) {
        try {
            return decoder.decode(body, model.width(), model.height());
        } catch (RuntimeException badImage) {
            String message = badImage.getMessage() == null ? badImage.getClass().getSimpleName() : badImage.getMessage();
            throw ApiException.badRequest(message.lines().findFirst().orElse(message));
        }
    }

    /** Waits up to the busy wait for {@code permits}; refuses with 503 saying {@code busy} when none come. */
    private void acquire(Semaphore semaphore, int permits, String busy) {
        try {
            if (!semaphore.tryAcquire(permits, settings.busyWait().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ApiException(503, busy + "; retry shortly");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, "the server is stopping");
        }
    }

    /** {@code {"predictions": [{"class": "7", "label": 7, "probabilities": [...]}], "input": [...]}}. */
    private static byte[] predictionsJson(List<Prediction> predictions, float[] input) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + predictions.size() * 200);
        try (JsonGenerator out = Json.MAPPER.getFactory().createGenerator(bytes)) {
            out.writeStartObject();
            out.writeArrayFieldStart("predictions");
            for (Prediction prediction : predictions) {
                out.writeStartObject();
                out.writeStringField("class", prediction.className());
                out.writeNumberField("label", prediction.label());
                out.writeArrayFieldStart("probabilities");
                for (float p : prediction.probabilities()) {
                    out.writeNumber(p);
                }
                out.writeEndArray();
                out.writeEndObject();
            }
            out.writeEndArray();
            if (input != null) {
                out.writeArrayFieldStart("input");
                for (float v : input) {
                    out.writeNumber(v);
                }
                out.writeEndArray();
            }
            out.writeEndObject();
        }
        return bytes.toByteArray();
    }
}

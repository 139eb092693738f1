package io.github.perceptron.serving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.perceptron.core.model.Model;
import io.github.perceptron.dataset.DigitImages;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/** A real server on an ephemeral loopback port, a client for it, and a model loader the test can change. */
final class TestServer implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    static final ImageDecoder REAL_IMAGES = (bytes, w, h) -> DigitImages.decode(bytes, "request body", 16L << 20, w, h);

    /** What the next load returns, or throws when it holds an exception or an error. */
    static final class SwappableLoader implements ModelLoader {
        final AtomicReference<Object> next;
        private final String source;

        SwappableLoader(Model model, String source) {
            this.next = new AtomicReference<>(model);
            this.source = source;
        }

        @Override
        public Model load() {
            Object value = next.get();
            if (value instanceof RuntimeException e) {
                throw e;
            }
            if (value instanceof Error e) {
                throw e;
            }
            return (Model) value;
        }

        @Override
        public String source() {
            return source;
        }
    }

    final PredictionServer server;
    final SwappableLoader loader;
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    TestServer(Model model, ImageDecoder decoder, ServerSettings settings) throws IOException {
        this(model, "models/test.json", decoder, settings);
    }

    TestServer(Model model, String source, ImageDecoder decoder, ServerSettings settings) throws IOException {
        this.loader = new SwappableLoader(model, source);
        this.server = PredictionServer.start(settings, loader, decoder);
    }

    TestServer(Model model) throws IOException {
        this(model, REAL_IMAGES, ServerSettings.defaults("127.0.0.1", 0));
    }

    URI uri(String path) {
        return server.url().resolve(path);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String contentType, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postPixels(float[]... images) throws IOException, InterruptedException {
        return post("/v1/predict", "application/json", pixelsJson(images).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static String pixelsJson(float[]... images) {
        return Arrays.stream(images).map(TestServer::row).collect(Collectors.joining(",", "{\"pixels\":[", "]}"));
    }

    private static String row(float[] image) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < image.length; i++) {
            out.append(i == 0 ? "" : ",").append(image[i]);
        }
        return out.append(']').toString();
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    /** The probabilities of one answer, as floats: JSON numbers printed by Float.toString read back exactly. */
    static float[] probabilities(JsonNode prediction) {
        JsonNode values = prediction.get("probabilities");
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Float.parseFloat(values.get(i).asText());
        }
        return out;
    }

    static List<JsonNode> predictions(HttpResponse<String> response) throws IOException {
        JsonNode list = json(response).get("predictions");
        return java.util.stream.StreamSupport.stream(list.spliterator(), false).toList();
    }

    @Override
    public void close() {
        server.stop();
    }
}

package io.github.perceptron.serving;

import static io.github.perceptron.serving.TestServer.json;
import static io.github.perceptron.serving.TestServer.predictions;
import static io.github.perceptron.serving.TestServer.probabilities;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.perceptron.core.model.Model;
import io.github.perceptron.core.model.Prediction;
import io.github.perceptron.core.testing.TinyModels;
import io.github.perceptron.dataset.DigitImages;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each route of a real server on a loopback port, answered as documented. */
class PredictionApiTest {

    private static Model model;
    private static TestServer server;

    @BeforeAll
    static void start() throws IOException {
        model = TinyModels.trained();
        server = new TestServer(model);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void a_json_batch_is_answered_image_by_image_exactly_as_the_model_predicts() throws Exception {
        float[][] images = TinyModels.images(5);
        HttpResponse<String> response = server.postPixels(images);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        List<JsonNode> answers = predictions(response);
        assertThat(answers).hasSize(5);
        for (int i = 0; i < images.length; i++) {
            Prediction expected = model.predict(images[i]);
            assertThat(answers.get(i).get("class").asText()).isEqualTo(expected.className());
            assertThat(answers.get(i).get("label").asInt()).isEqualTo(expected.label());
            assertThat(probabilities(answers.get(i))).containsExactly(expected.probabilities());
        }
    }

    @Test
    void an_image_is_normalised_as_predict_does_and_can_show_what_the_model_saw() throws Exception {
        byte[] png = digitPng(120, 90, Color.WHITE, Color.BLACK);
        HttpResponse<String> response = server.post("/v1/predict?input=true", "image/png", png);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        float[] seen = DigitImages.decode(png, "x", 1 << 20, model.width(), model.height());
        Prediction expected = model.predict(seen);
        JsonNode answer = predictions(response).get(0);
        assertThat(answer.get("class").asText()).isEqualTo(expected.className());
        assertThat(probabilities(answer)).containsExactly(expected.probabilities());
        JsonNode input = json(response).get("input");
        assertThat(input).hasSize(64);
        for (int i = 0; i < seen.length; i++) {
            assertThat(Float.parseFloat(input.get(i).asText())).isEqualTo(seen[i]);
        }
        assertThat(json(server.post("/v1/predict", "image/png", png)).has("input")).as("input only when asked").isFalse();
    }

    @Test
    void the_model_route_describes_architecture_classes_input_and_provenance() throws Exception {
        HttpResponse<String> response = server.get("/v1/model");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("layers").toString()).isEqualTo("[64,12,4]");
        assertThat(body.get("classes")).hasSize(4);
        assertThat(body.get("input").get("width").asInt()).isEqualTo(8);
        assertThat(body.get("dataset").asText()).isEqualTo("blobs");
        assertThat(body.has("provenance")).isTrue();
        assertThat(body.get("model").asText()).isEqualTo("test.json");  // the file name: a page learns no directory
    }

    @Test
    void health_answers_ok_with_the_model_generation() throws Exception {
        HttpResponse<String> response = server.get("/healthz");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("status").asText()).isEqualTo("ok");
        assertThat(json(response).get("model_generation").asLong()).isPositive();
        assertThat(response.body()).startsWith("{\"status\":\"ok\",\"model_generation\":");
    }

    @Test
    void metrics_count_requests_by_route_and_status_in_prometheus_text() throws Exception {
        server.postPixels(TinyModels.images(2));
        server.get("/no/such/route");
        HttpResponse<String> response = server.get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain; version=0.0.4"));
        String text = response.body();
        assertThat(text).containsPattern("perceptron_http_requests_total\\{route=\"/v1/predict\",method=\"POST\",status=\"200\"} [1-9]");
        assertThat(text).containsPattern("perceptron_http_requests_total\\{route=\"unmatched\",method=\"GET\",status=\"404\"} [1-9]");
        assertThat(text).contains("# TYPE perceptron_http_request_duration_seconds histogram");
        assertThat(text).containsPattern("perceptron_images_classified_total [1-9]");
        // Buckets are cumulative and end in +Inf = count.
        List<Long> buckets = text.lines().filter(l -> l.startsWith("perceptron_http_request_duration_seconds_bucket{route=\"/v1/predict\""))
                .map(l -> Long.parseLong(l.substring(l.lastIndexOf(' ') + 1))).toList();
        assertThat(buckets).hasSize(15).isSorted();
        long count = text.lines().filter(l -> l.startsWith("perceptron_http_request_duration_seconds_count{route=\"/v1/predict\""))
                .mapToLong(l -> Long.parseLong(l.substring(l.lastIndexOf(' ') + 1))).sum();
        assertThat(buckets.get(14)).isEqualTo(count);
        // Every sample line is "name{labels} value" or "name value".
        assertThat(text.lines().filter(l -> !l.startsWith("#"))).allMatch(l -> l.matches("[a-z_]+(\\{[^}]*})? [0-9.]+"));
    }

    @Test
    void the_openapi_file_describes_every_route_with_its_methods() throws Exception {
        HttpResponse<String> response = server.get("/openapi.json");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode paths = json(response).get("paths");
        assertThat(json(response).get("openapi").asText()).startsWith("3.");
        server.server.routes().forEach((path, methods) -> {
            assertThat(paths.has(path)).as("%s is described", path).isTrue();
            Set<String> described = new TreeSet<>();
            paths.get(path).fieldNames().forEachRemaining(m -> described.add(m.toUpperCase(java.util.Locale.ROOT)));
            assertThat(described).as(path).isEqualTo(methods);
        });
        assertThat(paths.size()).isEqualTo(server.server.routes().size());
    }

    @Test
    void the_page_and_its_files_come_from_the_server_itself() throws Exception {
        HttpResponse<String> page = server.get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("<canvas id=\"pad\"", "/app.js", "/style.css", "name=\"viewport\"");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(p -> assertThat(p).contains("default-src 'self'"));
        for (String file : List.of("/", "/app.js", "/style.css")) {
            HttpResponse<String> response = server.get(file);
            assertThat(response.statusCode()).as(file).isEqualTo(200);
            assertThat(response.body()).as("%s fetches nothing from elsewhere (works offline)", file)
                    .doesNotContainPattern("(src|href)=\"(https?:)?//").doesNotContain("@import", "cdn");
        }
    }

    /** A dark stroke on light paper, like a photo of a handwritten digit. */
    static byte[] digitPng(int width, int height, Color paper, Color ink) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(paper);
        g.fillRect(0, 0, width, height);
        g.setColor(ink);
        g.setStroke(new BasicStroke(Math.max(2, width / 12f), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.drawLine(width / 3, height / 5, 2 * width / 3, height / 5);
        g.drawLine(2 * width / 3, height / 5, width / 2, 4 * height / 5);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** One client's requests one after another reuse a thread (the pool grew to 256 threads for them before). */
    @Test
    void sequential_requests_reuse_one_thread() throws Exception {
        try (TestServer fresh = new TestServer(TinyModels.trained())) {
            for (int i = 0; i < 300; i++) {
                assertThat(fresh.get("/healthz").statusCode()).isEqualTo(200);
            }
            // A few at most, as a thread may be busy returning to the pool when the next request comes.
            assertThat(fresh.server.threadCount()).isLessThanOrEqualTo(32);
        }
    }
}

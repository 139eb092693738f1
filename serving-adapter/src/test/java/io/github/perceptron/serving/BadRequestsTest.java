package io.github.perceptron.serving;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.perceptron.core.testing.TinyModels;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every kind of bad request gets a 4xx with a JSON error naming the problem, never a 500 or a
 * stack trace, and the server answers the next request as if nothing happened.
 */
class BadRequestsTest {

    private static final long BODY_LIMIT = 64 * 1024;
    private static TestServer server;

    @BeforeAll
    static void start() throws IOException {
        server = new TestServer(TinyModels.trained(), TestServer.REAL_IMAGES,
                ServerSettings.defaults("127.0.0.1", 0).withMaxBodyBytes(BODY_LIMIT));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Stream<Arguments> badRequests() throws IOException {
        String good = TestServer.pixelsJson(TinyModels.images(1));
        String row63 = "[" + String.join(",", Collections.nCopies(63, "0.5")) + "]";
        String row65 = "[" + String.join(",", Collections.nCopies(65, "0.5")) + "]";
        return Stream.of(
                Arguments.of("malformed JSON", "POST", "/v1/predict", "application/json", "{\"pixels\": [[0.1, 0.2", 400, "malformed JSON"),
                Arguments.of("not an object", "POST", "/v1/predict", "application/json", "[1,2,3]", 400, "must be a JSON object"),
                Arguments.of("too few pixels", "POST", "/v1/predict", "application/json", "{\"pixels\":[" + row63 + "]}", 400, "pixels[0] has 63 values; the model takes 64 (8×8)"),
                Arguments.of("too many pixels", "POST", "/v1/predict", "application/json", "{\"pixels\":[" + row65 + "]}", 400, "pixels[0] has more than 64 values"),
                Arguments.of("a flat image, not a batch", "POST", "/v1/predict", "application/json", "{\"pixels\":[0.1,0.2]}", 400, "pixels[0] must be a list of 64 numbers"),
                Arguments.of("NaN", "POST", "/v1/predict", "application/json", good.replaceFirst("\\[\\[[^,]*,", "[[0.5,NaN,"), 400, "NaN"),
                Arguments.of("NaN as a string", "POST", "/v1/predict", "application/json", good.replaceFirst("\\[\\[[^,]*,", "[[0.5,\"NaN\","), 400, "pixels[0][1] is a string \"NaN\""),
                Arguments.of("above 1", "POST", "/v1/predict", "application/json", good.replaceFirst("\\[\\[[^,]*,", "[[0.5,1.5,"), 400, "pixels[0][1] is 1.5; pixels must be in [0, 1]"),
                Arguments.of("negative", "POST", "/v1/predict", "application/json", good.replaceFirst("\\[\\[[^,]*,", "[[-0.25,"), 400, "pixels[0][0] is -0.25"),
                // Jackson's limits, said without Jackson's class names ("from `StreamReadConstraints...`" before).
                Arguments.of("a 1,500-digit number", "POST", "/v1/predict", "application/json", "{\"pixels\":[[0." + "1".repeat(1500) + "]]}", 400, "malformed JSON: a number's length (1501) exceeds the maximum allowed (1000)"),
                // Both round into [0, 1] as floats: the range is checked before rounding.
                Arguments.of("a hair above 1", "POST", "/v1/predict", "application/json", good.replaceFirst("\\[\\[[^,]*,", "[[1.00000001,"), 400, "pixels[0][0] is 1.00000001; pixels must be in [0, 1]"),
                Arguments.of("a hair below 0", "POST", "/v1/predict", "application/json", good.replaceFirst("\\[\\[[^,]*,", "[[-1e-50,"), 400, "pixels[0][0] is -1e-50; pixels must be in [0, 1]"),
                Arguments.of("overflowing number", "POST", "/v1/predict", "application/json", good.replaceFirst("\\[\\[[^,]*,", "[[1e999,"), 400, "pixels[0][0] is 1e999"),
                Arguments.of("null pixel", "POST", "/v1/predict", "application/json", good.replaceFirst("\\[\\[[^,]*,", "[[null,"), 400, "pixels[0][0] is null"),
                Arguments.of("unknown field", "POST", "/v1/predict", "application/json", "{\"pixel\":[]}", 400, "unknown field \"pixel\""),
                Arguments.of("missing pixels", "POST", "/v1/predict", "application/json", "{}", 400, "missing field \"pixels\""),
                Arguments.of("empty batch", "POST", "/v1/predict", "application/json", "{\"pixels\":[]}", 400, "holds no image"),
                Arguments.of("trailing content", "POST", "/v1/predict", "application/json", good + " {}", 400, "after the JSON object"),
                Arguments.of("empty body", "POST", "/v1/predict", "application/json", "", 400, "the request body is empty"),
                Arguments.of("a BMP sent as image/png", "POST", "/v1/predict", "image/png", new String(bmp(), java.nio.charset.StandardCharsets.ISO_8859_1), 415, "Content-Type image/png, but the body is a BMP image; send the type it is, or application/octet-stream"),
                Arguments.of("text posing as a PNG", "POST", "/v1/predict", "image/png", "hello, I am not a picture", 400, "request body: not an image"),
                Arguments.of("truncated PNG", "POST", "/v1/predict", "image/png", new String(Arrays.copyOf(PredictionApiTest.digitPng(40, 40, java.awt.Color.WHITE, java.awt.Color.BLACK), 60), java.nio.charset.StandardCharsets.ISO_8859_1), 400, "request body"),
                Arguments.of("blank image", "POST", "/v1/predict", "image/png", new String(PredictionApiTest.digitPng(40, 40, java.awt.Color.WHITE, java.awt.Color.WHITE), java.nio.charset.StandardCharsets.ISO_8859_1), 400, "no digit found"),
                Arguments.of("image bomb", "POST", "/v1/predict", "image/png", new String(pngDeclaring(100_000, 100_000), java.nio.charset.StandardCharsets.ISO_8859_1), 400, "declares 100000×100000 pixels"),
                Arguments.of("no content type", "POST", "/v1/predict", null, good, 415, "no Content-Type"),
                Arguments.of("unknown content type", "POST", "/v1/predict", "text/plain", good, 415, "text/plain is not accepted"),
                Arguments.of("unknown route", "GET", "/v2/predict", null, "", 404, "no such route: GET /v2/predict"),
                Arguments.of("wrong method", "GET", "/v1/predict", null, "", 405, "/v1/predict answers POST, not GET"),
                Arguments.of("wrong method on a page", "DELETE", "/", null, "", 405, "/ answers GET, not DELETE"),
                Arguments.of("body over the limit", "POST", "/v1/predict", "application/json", " ".repeat((int) BODY_LIMIT + 1), 413, "at most 65536 bytes"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void is_refused_with_a_4xx_naming_the_problem(String what, String method, String path, String type, String body,
                                                  int status, String message) throws Exception {
        byte[] bytes = body.getBytes(type != null && type.startsWith("image/") ? java.nio.charset.StandardCharsets.ISO_8859_1 : UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofSeconds(20))
                .method(method, bytes.length == 0 && !method.equals("POST") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (type != null) {
            request.header("Content-Type", type);
        }
        HttpResponse<String> response = server.client.send(request.build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode error = TestServer.json(response);
        assertThat(error.get("status").asInt()).isEqualTo(status);
        assertThat(error.get("error").asText()).contains(message).doesNotContain("Exception", "\tat ", "\n");
        if (status == 405) {
            assertThat(response.headers().firstValue("Allow")).isPresent();
        }
        assertThat(server.get("/healthz").statusCode()).as("still serving").isEqualTo(200);
    }

    @Test
    void too_many_images_in_one_batch_are_refused_by_count() throws Exception {
        try (TestServer roomy = new TestServer(TinyModels.trained())) {
            float[][] images = new float[1001][];
            Arrays.fill(images, TinyModels.images(1)[0]);
            HttpResponse<String> response = roomy.postPixels(images);
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(TestServer.json(response).get("error").asText()).contains("more than 1000 images in one request");
        }
    }

    @Test
    void a_chunked_body_over_the_limit_is_cut_off_with_413() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/predict HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(UTF_8));
            byte[] chunk = new byte[8192];
            Arrays.fill(chunk, (byte) ' ');
            try {
                for (int i = 0; i < 10; i++) {  // 80 KB, over the 64 KB limit, with no declared length
                    out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(UTF_8));
                    out.write(chunk);
                    out.write("\r\n".getBytes(UTF_8));
                }
                out.write("0\r\n\r\n".getBytes(UTF_8));
            } catch (IOException closedEarly) {
                // The server may answer and close before all of it is sent.
            }
            String answer = RawHttp.readAll(socket.getInputStream());
            assertThat(answer).startsWith("HTTP/1.1 413").contains("at most 65536 bytes");
        }
        assertThat(server.get("/healthz").statusCode()).isEqualTo(200);
    }

    /** A bad chunk size, an overflowing one, and an upload cut off mid-chunk: 400, never 500 (they were 500s). */
    @ParameterizedTest
    @ValueSource(strings = {"zz\r\n{}\r\n0\r\n\r\n", "fffffffffffffffffff\r\n{}\r\n0\r\n\r\n", "100\r\n{\"pix"})
    void a_malformed_chunked_body_is_a_400(String chunks) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/predict HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n" + chunks).getBytes(UTF_8));
            out.flush();
            socket.shutdownOutput();
            String answer = RawHttp.readAll(socket.getInputStream());
            assertThat(answer).startsWith("HTTP/1.1 400").contains("the chunked request body is malformed or cut short");
        }
    }

    /** HEAD on any route is answered (405 with Allow, or 404) without the server logging a warning for it. */
    @Test
    void head_requests_are_answered_without_warnings_in_the_log() throws Exception {
        java.util.logging.Logger jdkServer = java.util.logging.Logger.getLogger("org.eclipse.jetty");
        java.util.List<java.util.logging.LogRecord> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler recorder = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                if (record.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue()) {
                    warnings.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        jdkServer.addHandler(recorder);
        try {
            for (String path : java.util.List.of("/", "/healthz", "/v1/model", "/nowhere")) {
                java.net.http.HttpResponse<String> response = server.client.send(java.net.http.HttpRequest
                        .newBuilder(server.uri(path)).method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody())
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(path).isIn(404, 405);
            }
        } finally {
            jdkServer.removeHandler(recorder);
        }
        assertThat(warnings).extracting(java.util.logging.LogRecord::getMessage).isEmpty();
    }

    /**
     * Every bad request of the table, sent here and now, is counted as a 4xx and none as a 5xx
     * (this read the metrics the other tests left, and asserted nothing when it ran first).
     */
    @Test
    void no_bad_request_is_answered_with_a_500() throws Exception {
        List<Arguments> cases = badRequests().toList();
        long before = answered(server.get("/metrics").body(), "4");
        for (Arguments arguments : cases) {
            Object[] a = arguments.get();
            is_refused_with_a_4xx_naming_the_problem((String) a[0], (String) a[1], (String) a[2], (String) a[3],
                    (String) a[4], (int) a[5], (String) a[6]);
        }
        String metrics = server.get("/metrics").body();
        assertThat(metrics).doesNotContainPattern("status=\"5\\d\\d\"");
        assertThat(answered(metrics, "4") - before).as("4xx answers counted").isEqualTo(cases.size());
    }

    /** The requests counted with a status starting with {@code digit}. */
    private static long answered(String metrics, String digit) {
        return metrics.lines().filter(line -> line.startsWith("perceptron_http_requests_total{")
                        && line.contains("status=\"" + digit))
                .mapToLong(line -> Long.parseLong(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    /** A well-formed PNG header whose IHDR claims {@code width×height} pixels, with no image data behind it. */
    /** A small BMP of a digit-like square. */
    static byte[] bmp() {
        try {
            java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(20, 20,
                    java.awt.image.BufferedImage.TYPE_3BYTE_BGR);
            image.getGraphics().fillRect(5, 5, 10, 10);
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(image, "bmp", bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static byte[] pngDeclaring(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(17).put("IHDR".getBytes(UTF_8)).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        return ByteBuffer.allocate(8 + 4 + 17 + 4).put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})
                .putInt(13).put(ihdr.array()).putInt((int) crc.getValue()).array();
    }
}

package io.github.perceptron.serving;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.perceptron.core.model.Model;
import io.github.perceptron.core.model.ModelStoreException;
import io.github.perceptron.core.model.Prediction;
import io.github.perceptron.core.testing.TinyModels;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Slow and stalled clients, more work than compute slots, reloads during traffic, and shutdown with
 * a request in flight: the service stays up, every answer is whole, and nothing waits forever.
 * (Stalled clients meet a request timeout of 2 s here.)
 */
class ServiceUnderStressTest {

    @Test
    void stalled_clients_are_cut_off_without_holding_up_others() throws Exception {
        try (TestServer server = new TestServer(TinyModels.trained(), TestServer.REAL_IMAGES,
                ServerSettings.defaults("127.0.0.1", 0).withRequestTimeout(Duration.ofSeconds(2)))) {
            List<Socket> stalled = new ArrayList<>();
            try {
                for (int i = 0; i < 20; i++) {
                    Socket socket = new Socket("127.0.0.1", server.server.port());
                    socket.setSoTimeout(15_000);
                    // Half a request line, or headers with a body that never comes.
                    socket.getOutputStream().write((i % 2 == 0 ? "POST /v1/pre"
                            : "POST /v1/predict HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"pix")
                            .getBytes(UTF_8));
                    stalled.add(socket);
                }
                long start = System.nanoTime();
                HttpResponse<String> meanwhile = server.postPixels(TinyModels.images(1));
                assertThat(meanwhile.statusCode()).isEqualTo(200);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).as("answered while 20 clients stall").isLessThan(Duration.ofSeconds(1));

                for (Socket socket : stalled) {
                    long waited = System.nanoTime();
                    assertThat(endOfStream(socket.getInputStream())).as("the server closed the stalled connection").isTrue();
                    assertThat(Duration.ofNanos(System.nanoTime() - waited)).isLessThan(Duration.ofSeconds(10));
                }
            } finally {
                for (Socket socket : stalled) {
                    socket.close();
                }
            }
            assertThat(server.get("/healthz").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void requests_beyond_the_compute_slots_wait_then_get_503_not_a_pile_up() throws Exception {
        HeldDecoder slow = new HeldDecoder();
        ServerSettings settings = ServerSettings.defaults("127.0.0.1", 0).withComputeSlots(1, Duration.ofMillis(200));
        try (TestServer server = new TestServer(TinyModels.trained(), slow, settings)) {
            CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> post(server, "image/png", new byte[] {1}));
            assertThat(slow.decoding.await(10, TimeUnit.SECONDS)).isTrue();

            HttpResponse<String> second = server.postPixels(TinyModels.images(1));
            assertThat(second.statusCode()).isEqualTo(503);
            assertThat(TestServer.json(second).get("error").asText()).contains("busy");

            slow.release.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            assertThat(server.postPixels(TinyModels.images(1)).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void large_bodies_held_at_once_are_bounded_so_many_uploads_cannot_exhaust_memory() throws Exception {
        // 64 KB bodies: the budget holds four of them plus 1 MiB, 1,280 KiB; 20 stalled uploads fill it.
        ServerSettings settings = ServerSettings.defaults("127.0.0.1", 0).withMaxBodyBytes(64 * 1024)
                .withComputeSlots(2, Duration.ofMillis(300));
        try (TestServer server = new TestServer(TinyModels.trained(), TestServer.REAL_IMAGES, settings)) {
            List<Socket> stalled = new ArrayList<>();
            try {
                for (int i = 0; i < 20; i++) {
                    Socket socket = new Socket("127.0.0.1", server.server.port());
                    socket.getOutputStream().write(("POST /v1/predict HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: image/png\r\n"
                            + "Content-Length: 65536\r\n\r\n\u0089PNG").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                    stalled.add(socket);
                }
                Thread.sleep(300);  // every stalled upload now holds its share of the budget
                HttpResponse<String> refused = server.post("/v1/predict", "image/png", new byte[60_000]);
                assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
                assertThat(TestServer.json(refused).get("error").asText()).contains("other large request bodies");
            } finally {
                for (Socket socket : stalled) {
                    socket.close();
                }
            }
            // Closed (or cut off at the request timeout), the stalled uploads give their share back.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            HttpResponse<String> later;
            do {
                Thread.sleep(100);
                later = server.postPixels(TinyModels.images(1));
            } while (later.statusCode() == 503 && System.nanoTime() < deadline);
            assertThat(later.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void reloading_under_concurrent_requests_gives_whole_answers_from_one_model_or_the_other() throws Exception {
        Model a = TinyModels.trained();
        Model b = TinyModels.changed(a, values -> values.forEach(v -> {
            for (int i = 0; i < v.length; i++) {
                v[i] = -v[i] * 0.7f + 0.01f * (i % 5);
            }
        }));
        float[][] images = TinyModels.images(16);
        List<float[]> answersA = probabilities(a, images);
        List<float[]> answersB = probabilities(b, images);
        assertThat(answersA.get(0)).isNotEqualTo(answersB.get(0));

        try (TestServer server = new TestServer(a)) {
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService clients = Executors.newFixedThreadPool(4);
            List<Future<int[]>> results = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                results.add(clients.submit(() -> {
                    int[] fromEach = new int[2];
                    while (running.get()) {
                        HttpResponse<String> response = server.postPixels(images);
                        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                        List<float[]> got = TestServer.predictions(response).stream().map(TestServer::probabilities).toList();
                        boolean isA = same(got, answersA);
                        boolean isB = same(got, answersB);
                        assertThat(isA || isB).as("a whole answer from one model").isTrue();
                        long generation = Long.parseLong(response.headers().firstValue("X-Model-Generation").orElseThrow());
                        assertThat(isA).as("generation %d is model %s", generation, generation % 2 == 1 ? "a" : "b")
                                .isEqualTo(generation % 2 == 1);
                        fromEach[isA ? 0 : 1]++;
                    }
                    return fromEach;
                }));
            }
            for (int reload = 0; reload < 30; reload++) {
                server.loader.next.set(reload % 2 == 0 ? b : a);
                HttpResponse<String> response = server.post("/v1/model/reload", null, new byte[0]);
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                Thread.sleep(10);
            }
            running.set(false);
            int[] total = new int[2];
            for (Future<int[]> result : results) {
                int[] counts = result.get(30, TimeUnit.SECONDS);
                total[0] += counts[0];
                total[1] += counts[1];
            }
            clients.shutdown();
            assertThat(total[0]).as("answers from a").isPositive();
            assertThat(total[1]).as("answers from b").isPositive();
            assertThat(server.server.modelGeneration()).isEqualTo(31);
        }
    }

    /**
     * A reader that overflows its stack (a file built to nest deeper than it can follow) fails
     * that reload only, in one line: the Error escaped the request before.
     */
    @Test
    void a_reload_whose_reader_runs_out_of_stack_fails_that_reload_only() throws Exception {
        try (TestServer server = new TestServer(TinyModels.trained())) {
            server.loader.next.set(new StackOverflowError());
            HttpResponse<String> refused = server.post("/v1/model/reload", null, new byte[0]);

            assertThat(refused.statusCode()).isEqualTo(422);
            assertThat(TestServer.json(refused).get("error").asText())
                    .isEqualTo("cannot reload test.json: reading it ran out of stack; still serving model generation 1");
            assertThat(server.get("/healthz").statusCode()).isEqualTo(200);
            assertThat(server.postPixels(TinyModels.images(1)).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void a_reload_that_fails_leaves_the_old_model_serving() throws Exception {
        Model a = TinyModels.trained();
        float[][] images = TinyModels.images(3);
        try (TestServer server = new TestServer(a)) {
            server.loader.next.set(new ModelStoreException("models/test.json: not JSON (line 1, column 1)"));
            HttpResponse<String> refused = server.post("/v1/model/reload", null, new byte[0]);

            assertThat(refused.statusCode()).isEqualTo(422);
            assertThat(TestServer.json(refused).get("error").asText())
                    .isEqualTo("cannot reload test.json: not JSON (line 1, column 1); still serving model generation 1");
            assertThat(server.server.modelGeneration()).isEqualTo(1);
            HttpResponse<String> after = server.postPixels(images);
            assertThat(same(TestServer.predictions(after).stream().map(TestServer::probabilities).toList(), probabilities(a, images))).isTrue();
            assertThat(server.get("/metrics").body()).contains("perceptron_model_reloads_total{result=\"failed\"} 1");
        }
    }

    @Test
    void shutdown_refuses_new_connections_and_lets_the_request_in_flight_finish() throws Exception {
        HeldDecoder slow = new HeldDecoder();
        TestServer server = new TestServer(TinyModels.trained(), slow, ServerSettings.defaults("127.0.0.1", 0));
        int port = server.server.port();
        CompletableFuture<HttpResponse<String>> inFlight = CompletableFuture.supplyAsync(() -> post(server, "image/png", new byte[] {1}));
        assertThat(slow.decoding.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::close);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        boolean refused = false;
        while (!refused && System.nanoTime() < deadline) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                Thread.sleep(20);
            } catch (SocketException e) {
                // Refused, or reset: a connect that races the listening socket's close is reset
                // from the backlog (seen in CI). Either way the server no longer takes it.
                refused = true;
            }
        }
        assertThat(refused).as("new connections refused while stopping").isTrue();
        assertThat(stopping).as("still waiting for the request in flight").isNotDone();

        slow.release.countDown();
        HttpResponse<String> answer = inFlight.get(10, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(TestServer.predictions(answer)).hasSize(1);
        stopping.get(10, TimeUnit.SECONDS);
    }

    @Test
    void shutdown_with_nothing_in_flight_is_immediate() throws Exception {
        TestServer server = new TestServer(TinyModels.trained());
        assertThat(server.get("/healthz").statusCode()).isEqualTo(200);
        long start = System.nanoTime();
        server.close();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    /** Decodes every image as the first test image, once the test releases it: a request held in flight. */
    private static final class HeldDecoder implements ImageDecoder {
        final CountDownLatch decoding = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public float[] decode(byte[] encoded, int width, int height) {
            decoding.countDown();
            await(release);
            return TinyModels.images(1)[0];
        }
    }

    private static HttpResponse<String> post(TestServer server, String type, byte[] body) {
        try {
            return server.post("/v1/predict", type, body);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<float[]> probabilities(Model model, float[][] images) {
        return Arrays.stream(images).map(model::predict).map(Prediction::probabilities).toList();
    }

    private static boolean same(List<float[]> got, List<float[]> expected) {
        if (got.size() != expected.size()) {
            return false;
        }
        for (int i = 0; i < got.size(); i++) {
            if (!Arrays.equals(got.get(i), expected.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether the peer closed the connection (end of stream or reset), reading whatever it sent first. */
    private static boolean endOfStream(InputStream in) {
        try {
            while (in.read() != -1) {
                // Drain any answer before the close.
            }
            return true;
        } catch (java.net.SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

}

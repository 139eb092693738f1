package io.github.perceptron.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.perceptron.core.model.Model;
import io.github.perceptron.core.testing.TinyModels;
import io.github.perceptron.persistence.JsonModelStore;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code perceptron serve} from the packaged jar, as users start and stop it. */
class ServeIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern URL = Pattern.compile("listening on (http://\\S+/)");

    @TempDir
    Path dir;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void answers_exactly_as_predict_and_info_do_then_stops_on_sigterm_with_exit_0() throws Exception {
        Path model = saveModel();
        Path image = dir.resolve("a digit.png");
        writeDigit(image);
        Process server = start(model);
        try {
            URI url = awaitUrl(server);

            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(url.resolve("/v1/predict"))
                    .header("Content-Type", "image/png").POST(HttpRequest.BodyPublishers.ofFile(image)).build(),
                    HttpResponse.BodyHandlers.ofString());
            ChildJvm.Result predict = ChildJvm.run(ChildJvm.command(List.of(), List.of(), ChildJvm.JAR,
                    "predict", "--model", model.toString(), "--json", image.toString()), dir);
            assertThat(answer.statusCode()).isEqualTo(200);
            JsonNode served = JSON.readTree(answer.body()).get("predictions").get(0);
            JsonNode predicted = JSON.readTree(predict.out());
            assertThat(served.get("class")).isEqualTo(predicted.get("class"));
            List<String> classes = classNames(model);
            for (int c = 0; c < classes.size(); c++) {
                assertThat(served.get("probabilities").get(c).asText())
                        .as("probability of class %d, printed the same way", c)
                        .isEqualTo(predicted.get("probabilities").get(classes.get(c)).asText());
            }

            HttpResponse<String> described = client.send(HttpRequest.newBuilder(url.resolve("/v1/model")).build(),
                    HttpResponse.BodyHandlers.ofString());
            ChildJvm.Result info = ChildJvm.run(ChildJvm.command(List.of(), List.of(), ChildJvm.JAR,
                    "info", "--model", model.toString(), "--json"), dir);
            // info's description, as the service shows it to any page: its paths cut to file names.
            @SuppressWarnings("unchecked")
            java.util.Map<String, Object> local = JSON.readValue(info.out(), java.util.Map.class);
            assertThat(JSON.readTree(described.body()))
                    .isEqualTo(JSON.valueToTree(io.github.perceptron.serving.ModelDescription.withoutHostPaths(local)));
            assertThat(described.body()).doesNotContain(dir.toString());

            // A signal, not Process.destroy(): destroy also closes our end of the server's stdout.
            signal(server, "TERM");
            assertThat(server.waitFor(20, TimeUnit.SECONDS)).as("stopped within 20 s").isTrue();
            String said = new String(server.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(server.exitValue()).as("exit code; stdout %s; stderr %s", said,
                    ChildJvm.read(dir.resolve("serve-err.txt"))).isZero();
            assertThat(said).contains("stopped");
        } finally {
            server.destroyForcibly();
        }
    }

    /**
     * Issue 28: a reload onto a file built to exhaust the reader (64 MB of valid protobuf) is
     * refused in one line, and the service answers throughout. A reload onto 52 million empty
     * nodes dropped its connection, stopped /healthz after 3 minutes, and ignored SIGTERM.
     */
    @Test
    void a_reload_onto_each_onnx_bomb_is_refused_while_the_service_answers_throughout() throws Exception {
        Path model = dir.resolve("model.onnx");
        io.github.perceptron.onnx.OnnxModelStore store = new io.github.perceptron.onnx.OnnxModelStore();
        store.save(TinyModels.trained(), model);
        Process server = new ProcessBuilder(ChildJvm.command(List.of(), List.of("-Xmx512m"), ChildJvm.JAR,
                "serve", "--model", model.toString(), "--port", "0"))
                .redirectError(dir.resolve("serve-err.txt").toFile()).start();
        java.util.concurrent.atomic.AtomicBoolean polling = new java.util.concurrent.atomic.AtomicBoolean(true);
        List<String> unhealthy = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicInteger healthy = new java.util.concurrent.atomic.AtomicInteger();
        Thread poller = null;
        try {
            URI url = awaitUrl(server);
            poller = new Thread(() -> {
                while (polling.get()) {
                    try {
                        HttpResponse<String> health = client.send(HttpRequest.newBuilder(url.resolve("/healthz"))
                                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                        if (health.statusCode() == 200) {
                            healthy.incrementAndGet();
                        } else {
                            unhealthy.add(health.statusCode() + " " + health.body());
                        }
                        Thread.sleep(20);
                    } catch (IOException e) {
                        unhealthy.add(e.toString());
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            poller.start();
            for (var bomb : OnnxBombs.ALL.entrySet()) {
                Files.write(model, bomb.getValue().get());
                HttpResponse<String> reload = client.send(HttpRequest.newBuilder(url.resolve("/v1/model/reload"))
                        .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(reload.statusCode()).as(bomb.getKey()).isEqualTo(422);
                assertThat(reload.body()).as(bomb.getKey()).contains("cannot reload model.onnx: ")
                        .contains("still serving model generation 1").hasSizeLessThan(600);
            }
            HttpResponse<String> after = client.send(HttpRequest.newBuilder(url.resolve("/v1/predict"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"pixels\": [" + java.util.Arrays.toString(TinyModels.images(1)[0])
                            + "]}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(after.statusCode()).isEqualTo(200);
            assertThat(after.headers().firstValue("X-Model-Generation")).hasValue("1");
            polling.set(false);
            poller.join(10_000);
            assertThat(unhealthy).as("health checks that failed").isEmpty();
            assertThat(healthy.get()).as("health checks answered during the reloads").isPositive();
        } finally {
            polling.set(false);
            server.destroyForcibly();
        }
    }

    @Test
    void a_port_in_use_is_one_line_naming_it() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            ChildJvm.Result result = ChildJvm.run(ChildJvm.command(List.of(), List.of(), ChildJvm.JAR,
                    "serve", "--model", saveModel().toString(), "--port", Integer.toString(taken.getLocalPort())), dir);
            assertThat(result.code()).isEqualTo(1);
            assertThat(result.err().strip()).isEqualTo("perceptron: cannot listen on 127.0.0.1:" + taken.getLocalPort()
                    + ": address already in use (choose another with --port, or 0 for any free port)");
        }
    }

    @Test
    void a_model_that_cannot_be_read_is_one_line_before_anything_listens() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"format\": ");
        ChildJvm.Result result = ChildJvm.run(ChildJvm.command(List.of(), List.of(), ChildJvm.JAR,
                "serve", "--model", broken.toString(), "--port", "0"), dir);
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err().lines().toList()).hasSize(1);
        assertThat(result.err()).startsWith("perceptron: ").contains("broken.json");
        assertThat(result.out()).doesNotContain("listening");
    }

    private static void signal(Process process, String name) throws IOException, InterruptedException {
        // perl rather than kill(1): perl-base is in every Debian, procps is not.
        assertThat(new ProcessBuilder("perl", "-e", "kill '" + name + "', " + process.pid() + " or die $!").start().waitFor())
                .isZero();
    }

    private Path saveModel() {
        Path model = dir.resolve("my model.json");
        if (!Files.exists(model)) {
            new JsonModelStore().save(TinyModels.trained(), model);
        }
        return model;
    }

    private static List<String> classNames(Path model) {
        Model loaded = new JsonModelStore().load(model);
        return loaded.classNames();
    }

    private Process start(Path model) throws IOException {
        return new ProcessBuilder(ChildJvm.command(List.of(), List.of(), ChildJvm.JAR,
                "serve", "--model", model.toString(), "--port", "0"))
                .redirectError(dir.resolve("serve-err.txt").toFile()).start();
    }

    /** Reads the server's first lines until it says where it listens (at most 60 s). */
    private static URI awaitUrl(Process server) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            String line = out.readLine();
            assertThat(line).as("the server printed its address before ending").isNotNull();
            Matcher url = URL.matcher(line);
            if (url.find()) {
                return URI.create(url.group(1));
            }
        }
        throw new AssertionError("no address printed within 60 s");
    }

    private static void writeDigit(Path file) throws IOException {
        BufferedImage image = new BufferedImage(60, 80, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 60, 80);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(7, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.drawOval(15, 15, 30, 50);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }
}

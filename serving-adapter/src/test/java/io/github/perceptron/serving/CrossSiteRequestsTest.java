package io.github.perceptron.serving;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.perceptron.core.testing.TinyModels;
import java.io.IOException;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a web page must not do to a service on the user's machine, against a real server: reload
 * the model from a form or a script on another origin (CSRF), or read it through a host name that
 * resolves to this machine (DNS rebinding). Each of these succeeded before the guard.
 */
class CrossSiteRequestsTest {

    private static TestServer server;

    @BeforeAll
    static void start() throws IOException {
        server = new TestServer(TinyModels.trained(), TestServer.REAL_IMAGES,
                ServerSettings.defaults("127.0.0.1", 0).withAllowedHosts(Set.of("perceptron.lan")));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** The three types an HTML form can send, and one a script might. */
    @ParameterizedTest
    @ValueSource(strings = {"application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/plain",
        "image/png"})
    void a_reload_with_a_body_a_form_can_send_is_refused_and_changes_nothing(String type) throws Exception {
        long generation = server.server.modelGeneration();
        String answer = raw("POST /v1/model/reload HTTP/1.1\r\nHost: 127.0.0.1:" + server.server.port()
                + "\r\nContent-Type: " + type + "\r\nContent-Length: 3\r\nConnection: close\r\n\r\na=b");
        assertThat(answer).startsWith("HTTP/1.1 415").contains("\"error\":\"POST /v1/model/reload takes no body, or a JSON one");
        assertThat(server.server.modelGeneration()).isEqualTo(generation);
    }

    @Test
    void a_reload_from_a_page_of_another_origin_is_refused_and_changes_nothing() throws Exception {
        long generation = server.server.modelGeneration();
        String answer = raw("POST /v1/model/reload HTTP/1.1\r\nHost: 127.0.0.1:" + server.server.port()
                + "\r\nOrigin: http://attacker.example\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 403")
                .contains("from the page at http://attacker.example is refused: only pages this server serves may call it");
        assertThat(server.server.modelGeneration()).isEqualTo(generation);

        String predict = raw("POST /v1/predict HTTP/1.1\r\nHost: 127.0.0.1:" + server.server.port()
                + "\r\nOrigin: null\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
        assertThat(predict).startsWith("HTTP/1.1 403");
    }

    @Test
    void a_reload_from_the_servers_own_page_or_from_curl_goes_through() throws Exception {
        long generation = server.server.modelGeneration();
        String own = raw("POST /v1/model/reload HTTP/1.1\r\nHost: 127.0.0.1:" + server.server.port()
                + "\r\nOrigin: http://127.0.0.1:" + server.server.port()
                + "\r\nContent-Type: application/json\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        assertThat(own).startsWith("HTTP/1.1 200");
        String curl = raw("POST /v1/model/reload HTTP/1.1\r\nHost: localhost:" + server.server.port()
                + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        assertThat(curl).startsWith("HTTP/1.1 200");
        assertThat(server.server.modelGeneration()).isEqualTo(generation + 2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/model", "/", "/healthz", "/no-such-route"})
    void a_host_name_the_server_was_not_given_is_refused_with_421(String path) throws Exception {
        String answer = raw("GET " + path + " HTTP/1.1\r\nHost: rebind.attacker.example:" + server.server.port()
                + "\r\nConnection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 421").contains("application/json")
                .contains("does not answer to the host name 'rebind.attacker.example:")
                .doesNotContain("models/test.json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "localhost", "LOCALHOST.", "[::1]", "10.1.2.3", "perceptron.lan"})
    void ip_addresses_localhost_and_allowed_names_are_served(String host) throws Exception {
        String answer = raw("GET /healthz HTTP/1.1\r\nHost: " + host + ":" + server.server.port()
                + "\r\nConnection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 200");
    }

    @Test
    void refusals_are_counted_in_the_metrics() throws Exception {
        raw("GET /v1/model HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
        assertThat(server.get("/metrics").body()).contains("status=\"421\"");
    }

    @Test
    void host_names_are_read_without_port_case_or_final_dot() {
        assertThat(RequestGuard.hostName("Example.COM.:8080")).isEqualTo("example.com");
        assertThat(RequestGuard.hostName("[::1]:8080")).isEqualTo("[::1]");
        assertThat(RequestGuard.hostName("[::1]")).isEqualTo("[::1]");
        assertThat(RequestGuard.hostName("localhost")).isEqualTo("localhost");
    }

    /** A page that reaches /v1/model (or the page at /) learns no directory of the host (it read them all before). */
    @Test
    void the_model_description_served_names_files_not_the_hosts_directories() throws Exception {
        try (TestServer absolute = new TestServer(TinyModels.trained(), "/home/alice/secret/models/test.json",
                TestServer.REAL_IMAGES, ServerSettings.defaults("127.0.0.1", 0))) {
            String body = absolute.get("/v1/model").body();
            assertThat(TestServer.json(absolute.get("/v1/model")).get("model").asText()).isEqualTo("test.json");
            assertThat(body).doesNotContain("/home/alice");
        }
        java.util.Map<String, Object> description = new java.util.LinkedHashMap<>();
        description.put("model", "C:\\Users\\alice\\mnist.json");
        description.put("dataset", "mnist (/home/alice/.cache/perceptron/mnist)");
        description.put("provenance", java.util.Map.of("plan", java.util.Map.of("data", "~/digits/train",
                "schedule", "step:0.5/10"), "kept_because", "best of 3/10 epochs"));
        assertThat(ModelDescription.withoutHostPaths(description)).isEqualTo(java.util.Map.of(
                "model", "mnist.json",
                "dataset", "mnist (mnist)",
                "provenance", java.util.Map.of("plan", java.util.Map.of("data", "train", "schedule", "step:0.5/10"),
                        "kept_because", "best of 3/10 epochs")));
    }

    /** With a token (required beyond loopback), the API needs it; the page, its files and health do not. */
    @Test
    void with_a_token_every_api_call_needs_it_in_constant_time_and_the_page_stays_open() throws Exception {
        String token = "s3cret-token-0123456789";
        try (TestServer guarded = new TestServer(TinyModels.trained(), TestServer.REAL_IMAGES,
                ServerSettings.defaults("127.0.0.1", 0).withBearerToken(token))) {
            java.net.http.HttpResponse<String> none = guarded.get("/v1/model");
            assertThat(none.statusCode()).isEqualTo(401);
            assertThat(none.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"perceptron\"");
            assertThat(TestServer.json(none).get("error").asText()).contains("none was sent");
            for (String wrong : java.util.List.of("Bearer s3cret-token-012345678", "Bearer " + token + "0", "Basic " + token)) {
                assertThat(guarded.client.send(java.net.http.HttpRequest.newBuilder(guarded.uri("/v1/model"))
                        .header("Authorization", wrong).build(), java.net.http.HttpResponse.BodyHandlers.ofString())
                        .statusCode()).as(wrong).isEqualTo(401);
            }
            assertThat(guarded.client.send(java.net.http.HttpRequest.newBuilder(guarded.uri("/v1/model"))
                    .header("Authorization", "Bearer " + token).build(), java.net.http.HttpResponse.BodyHandlers.ofString())
                    .statusCode()).isEqualTo(200);
            assertThat(guarded.client.send(java.net.http.HttpRequest.newBuilder(guarded.uri("/v1/predict"))
                    .header("Authorization", "bearer " + token).header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(TestServer.pixelsJson(TinyModels.images(1))))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            long generation = guarded.server.modelGeneration();
            assertThat(guarded.post("/v1/model/reload", null, new byte[0]).statusCode()).isEqualTo(401);
            assertThat(guarded.server.modelGeneration()).isEqualTo(generation);
            for (String open : java.util.List.of("/", "/app.js", "/healthz", "/openapi.json")) {
                assertThat(guarded.get(open).statusCode()).as(open).isEqualTo(200);
            }
            assertThat(guarded.server.toString() + ServerSettings.defaults("h", 0).withBearerToken(token))
                    .doesNotContain(token);
        }
    }

    /** A failed reload says why in words a page may read: no path, no token of the file (both were echoed before). */
    @Test
    void a_failed_reload_names_the_file_once_and_echoes_none_of_its_content() {
        String source = "/srv/models/m.json";
        assertThat(PredictionServer.reasonForClients(source + ": not valid JSON: Unrecognized token 'secretpassword123':"
                + " was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false') (line 1, column 19)",
                source)).isEqualTo("not valid JSON: Unrecognized token: was expecting (JSON String, Number, Array, Object"
                + " or token 'null', 'true' or 'false') (line 1, column 19)");
        assertThat(PredictionServer.reasonForClients(source + ": not valid JSON: Unexpected end-of-input: expected close"
                + " marker for Object (start marker at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION`"
                + " disabled); line: 1, column: 1]) (line 2, column 1)", source))
                .isEqualTo("not valid JSON: Unexpected end-of-input: expected close marker for Object (line 2, column 1)");
    }

    private static String raw(String request) throws IOException {
        return RawHttp.exchange(server.server.port(), request);
    }
}

package io.github.perceptron.serving;

import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.server.ConnectionLimit;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The prediction service: the JSON API, the draw-a-digit page, health and metrics, on Jetty.
 *
 * <p>Limits: bodies over {@link ServerSettings#maxBodyBytes()} get 413; decoding and prediction run
 * in at most {@link ServerSettings#computeSlots()} requests at once (others wait, then get 503);
 * beyond {@link ServerSettings#maxConnections()} open connections, new ones wait to be accepted; a
 * connection on which nothing arrives for {@link ServerSettings#requestTimeout()} is closed.
 * Jetty reads requests on its selector, so a connection that is idle, half-sent or gone holds no
 * thread: threads are taken only by requests being answered. Requests that break HTTP (bad or
 * duplicate lengths, a missing Host, oversized headers) are refused by Jetty's parser, answered
 * in JSON and counted by {@link ProtocolRefusals}.
 */
public final class PredictionServer implements AutoCloseable {

    private final Server server;
    private final ServerConnector connector;
    private final QueuedThreadPool threads;
    private final Router router;
    private final ServerSettings settings;
    private final ModelSlot slot;
    private boolean stopped;

    private PredictionServer(Server server, ServerConnector connector, QueuedThreadPool threads, Router router,
                             ServerSettings settings, ModelSlot slot) {
        this.server = server;
        this.connector = connector;
        this.threads = threads;
        this.router = router;
        this.settings = settings;
        this.slot = slot;
    }

    /**
     * Loads the model and starts listening.
     *
     * @throws IOException when the address cannot be bound (in use, or not this machine's)
     * @throws RuntimeException from the loader when the model cannot be read
     */
    public static PredictionServer start(ServerSettings settings, ModelLoader loader, ImageDecoder decoder)
            throws IOException {
        ModelSlot slot = new ModelSlot(loader);
        Metrics metrics = new Metrics();
        Set<String> names = new HashSet<>(settings.allowedHosts());
        names.add(settings.host());
        Router router = new Router(metrics, new RequestGuard(names, settings.bearerToken()));
        routes(router, slot, decoder, settings, metrics);

        QueuedThreadPool threads = requestThreads(settings.maxConnections());
        Server server = new Server(threads);
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(httpConfiguration()));
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        connector.setIdleTimeout(settings.requestTimeout().toMillis());
        connector.setAcceptQueueSize(128);
        server.addConnector(connector);
        ConnectionLimit limit = new ConnectionLimit(settings.maxConnections(), connector);
        // At the limit, connections go quiet for at most this before they are closed: a crowd of
        // half-sent requests is reaped within a second rather than the whole request timeout.
        limit.setIdleTimeout(CROWDED_IDLE_MILLIS);
        server.addBean(limit);
        server.setErrorHandler(new ProtocolRefusals(metrics));
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                router.handle(new Exchange(request, response, callback));
                return true;
            }
        });
        try {
            server.start();
        } catch (IOException cannotBind) {
            stopQuietly(server);
            // Jetty wraps the BindException ("Address already in use") that callers tell apart.
            throw cannotBind.getCause() instanceof BindException inUse ? inUse : cannotBind;
        } catch (Exception other) {
            stopQuietly(server);
            throw new IOException(other.getMessage(), other);
        }
        return new PredictionServer(server, connector, threads, router, settings, slot);
    }

    private static HttpConfiguration httpConfiguration() {
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setRequestHeaderSize(MAX_HEADER_BYTES);
        return http;
    }

    /** How long a connection may stay silent while the service is at its connection limit. */
    static final long CROWDED_IDLE_MILLIS = 1000;

    /** The request line and headers together, at most: 431 beyond (414 for the request line alone). */
    static final int MAX_HEADER_BYTES = 16 * 1024;

    /**
     * Threads for requests being answered (reading a body, decoding, predicting, writing): made as
     * concurrent requests need them, up to one per allowed connection, ended after 30 s idle. One
     * client's sequential requests reuse one thread.
     */
    private static QueuedThreadPool requestThreads(int maxConnections) {
        QueuedThreadPool threads = new QueuedThreadPool(maxConnections + 8, 4, 30_000);
        threads.setName("perceptron-http");
        threads.setDaemon(true);
        return threads;
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception ignored) {
            // Already failing to start: the first error is the one to report.
        }
    }

    private static void routes(Router router, ModelSlot slot, ImageDecoder decoder, ServerSettings settings,
                               Metrics metrics) {
        router.route("GET", "/", StaticResource.of("index.html", "text/html; charset=utf-8"))
                .route("GET", "/app.js", StaticResource.of("app.js", "text/javascript; charset=utf-8"))
                .route("GET", "/style.css", StaticResource.of("style.css", "text/css; charset=utf-8"))
                .route("GET", "/openapi.json", StaticResource.of("openapi.json", Json.TYPE))
                .route("POST", "/v1/predict", new PredictEndpoint(slot, decoder, settings, metrics))
                .route("GET", "/v1/model", exchange -> exchange.send(200, Json.TYPE,
                        Json.bytes(slot.current().description())))
                .route("POST", "/v1/model/reload", exchange -> reload(exchange, slot, metrics))
                .route("GET", "/healthz", exchange -> exchange.send(200, Json.TYPE,
                        Json.bytes(health(slot))))
                .route("GET", "/metrics", exchange -> exchange.send(200, "text/plain; version=0.0.4; charset=utf-8",
                        metrics.render(slot.current().generation(), router.inFlight()).getBytes(StandardCharsets.UTF_8)));
    }

    /** {@code {"status": "ok", "model_generation": N}}, in that order. */
    private static Map<String, Object> health(ModelSlot slot) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "ok");
        body.put("model_generation", slot.current().generation());
        return body;
    }

    private static void reload(Exchange exchange, ModelSlot slot, Metrics metrics) {
        ServedModel next;
        try {
            next = slot.reload();
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError unreadable) {
            // A file built to exhaust the reader (it is bounded, but a reader of another format may
            // not be) fails this request only: the old model stays, and every other request with it.
            metrics.reloaded(false);
            String why = unreadable instanceof Error ? "reading it ran out of " + (unreadable instanceof OutOfMemoryError
                    ? "memory" : "stack") : unreadable.getMessage();
            // The operator's log gets the whole reason; the client, no path and none of the file's content.
            System.err.println("perceptron serve: reload failed: " + abbreviate(why));
            throw new ApiException(422, "cannot reload " + ModelDescription.fileName(slot.source()) + ": "
                    + abbreviate(reasonForClients(why, slot.source()))
                    + "; still serving model generation " + slot.current().generation());
        }
        metrics.reloaded(true);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reloaded", true);
        body.put("model_generation", next.generation());
        body.put("model", next.description());
        exchange.send(200, Json.TYPE, Json.bytes(body));
    }

    /** One line of at most 500 characters: a reason never floods a log or a response. */
    private static String abbreviate(String text) {
        String line = text == null ? "unreadable" : text.lines().findFirst().orElse("");
        return line.length() <= 500 ? line : line.substring(0, 500) + "…";
    }

    /**
     * Why a reload failed, as any client may read it: without the file's path (said once, as a
     * name), without what the file holds (a parser quotes the token it choked on), and without the
     * parser's own vocabulary ({@code [Source: REDACTED ...]}).
     */
    static String reasonForClients(String message, String source) {
        String reason = message == null ? "unreadable" : message.strip();
        if (reason.startsWith(source + ": ")) {
            reason = reason.substring(source.length() + 2);
        }
        return reason.replace(source, ModelDescription.fileName(source))
                .replaceAll("Unrecognized token '[^']*'", "Unrecognized token")
                .replaceAll(" *\\(start marker at \\[Source:[^\\]]*\\]\\)", "")
                .replaceAll(" *\\[Source:[^\\]]*\\]", "");
    }

    /** The request threads the service has now (idle ones end after 30 s), for tests. */
    int threadCount() {
        return threads.getThreads();
    }

    /** Where the service answers, e.g. {@code http://127.0.0.1:8080/}. */
    public URI url() {
        String host = settings.host().isEmpty() ? "0.0.0.0" : settings.host();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + "/");
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** The generation of the model being served: 1 at start, one more per successful reload. */
    public long modelGeneration() {
        return slot.current().generation();
    }

    /**
     * The served model in a few words, e.g. {@code [784, 512, 10], 10 classes, 407,050 parameters},
     * or {@code a committee of 3: [784, 512, 10] ×2, [784, 800, 10], 10 classes, …}.
     */
    public String modelSummary() {
        var model = slot.current().model();
        String parameters = model.classNames().size() + " classes, "
                + String.format(Locale.ROOT, "%,d", model.parameterCount()) + " parameters";
        if (!model.isCommittee()) {
            return model.spec().sizes() + ", " + parameters;
        }
        Map<List<Integer>, Long> layers = model.members().stream().collect(java.util.stream.Collectors.groupingBy(
                member -> member.spec().sizes(), LinkedHashMap::new, java.util.stream.Collectors.counting()));
        List<String> kinds = new java.util.ArrayList<>();
        layers.forEach((sizes, count) -> kinds.add(sizes + (count > 1 ? " ×" + count : "")));
        return "a committee of " + model.members().size() + ": " + String.join(", ", kinds) + ", " + parameters;
    }

    /** Every route and its methods. */
    public Map<String, Set<String>> routes() {
        return router.routes();
    }

    /**
     * Stops listening at once and refuses new requests on open connections with 503; lets requests
     * in flight finish for at most the grace period; answers those still running then with 503;
     * closes every connection. Idempotent.
     *
     * @return how many requests were still running at the end of the grace period (answered 503)
     */
    public synchronized int stop() {
        if (stopped) {
            return 0;
        }
        stopped = true;
        router.refuseNewRequests("the server is stopping; retry when it is back");
        connector.close();
        long deadline = System.nanoTime() + settings.gracePeriod().toNanos();
        while (router.inFlight() > 0 && System.nanoTime() < deadline) {
            pause(10);
        }
        List<CompletableFuture<Void>> cut = router.answerInFlight("the server stopped before this request was answered"
                + " (its grace period is " + settings.gracePeriod().toSeconds() + " s); retry when it is back");
        try {
            // The 503s are a few hundred bytes each: they leave before the connections close.
            CompletableFuture.allOf(cut.toArray(CompletableFuture[]::new)).get(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException slowReader) {
            // A client that does not read its 503 loses it when its connection closes.
        }
        stopQuietly(server);
        return cut.size();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }
}

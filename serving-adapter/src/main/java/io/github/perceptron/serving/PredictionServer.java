package io.github.perceptron.serving;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The prediction service: the JSON API, the draw-a-digit page, health and metrics, on the JDK's
 * HTTP server.
 *
 * <p>Limits: bodies over {@link ServerSettings#maxBodyBytes()} get 413; decoding and prediction run
 * in at most {@link ServerSettings#computeSlots()} requests at once (others wait, then get 503);
 * connections beyond {@link ServerSettings#maxConnections()} are closed; a client that has not sent
 * its whole request within {@link ServerSettings#requestTimeout()} is cut off. Each connection is
 * served by its own pooled thread, so a stalled client holds one thread, never the service.
 *
 * <p>The JDK server reads its timeout and connection limits once per JVM, when the first server is
 * created; this class sets them (unless already set) before that.
 */
public final class PredictionServer implements AutoCloseable {

    private final HttpServer server;
    private final ThreadPoolExecutor threads;
    private final Router router;
    private final ServerSettings settings;
    private final ModelSlot slot;
    private boolean stopped;

    private PredictionServer(HttpServer server, ThreadPoolExecutor threads, Router router, ServerSettings settings,
                             ModelSlot slot) {
        this.server = server;
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
        configureJdkServer(settings);
        ModelSlot slot = new ModelSlot(loader);
        Metrics metrics = new Metrics();
        Set<String> names = new java.util.HashSet<>(settings.allowedHosts());
        names.add(settings.host());
        Router router = new Router(metrics, new RequestGuard(names, settings.bearerToken()));
        routes(router, slot, decoder, settings, metrics);
        HttpServer server = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 128);
        ThreadPoolExecutor threads = connectionThreads(settings.maxConnections());
        server.setExecutor(threads);
        server.createContext("/", router);
        server.start();
        return new PredictionServer(server, threads, router, settings, slot);
    }

    private static void routes(Router router, ModelSlot slot, ImageDecoder decoder, ServerSettings settings,
                               Metrics metrics) {
        router.route("GET", "/", StaticResource.of("index.html", "text/html; charset=utf-8"))
                .route("GET", "/app.js", StaticResource.of("app.js", "text/javascript; charset=utf-8"))
                .route("GET", "/style.css", StaticResource.of("style.css", "text/css; charset=utf-8"))
                .route("GET", "/openapi.json", StaticResource.of("openapi.json", Json.TYPE))
                .route("POST", "/v1/predict", new PredictEndpoint(slot, decoder, settings, metrics))
                .route("GET", "/v1/model", exchange -> Exchanges.send(exchange, 200, Json.TYPE,
                        Json.bytes(slot.current().description())))
                .route("POST", "/v1/model/reload", exchange -> reload(exchange, slot, metrics))
                .route("GET", "/healthz", exchange -> Exchanges.send(exchange, 200, Json.TYPE,
                        Json.bytes(health(slot))))
                .route("GET", "/metrics", exchange -> Exchanges.send(exchange, 200, "text/plain; version=0.0.4; charset=utf-8",
                        metrics.render(slot.current().generation(), router.inFlight()).getBytes(StandardCharsets.UTF_8)));
    }

    /** {@code {"status": "ok", "model_generation": N}}, in that order. */
    private static Map<String, Object> health(ModelSlot slot) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "ok");
        body.put("model_generation", slot.current().generation());
        return body;
    }

    private static void reload(HttpExchange exchange, ModelSlot slot, Metrics metrics) throws IOException {
        ServedModel next;
        try {
            next = slot.reload();
        } catch (RuntimeException unreadable) {
            metrics.reloaded(false);
            // The operator's log gets the whole reason; the client, no path and none of the file's content.
            System.err.println("perceptron serve: reload failed: " + unreadable.getMessage());
            throw new ApiException(422, "cannot reload " + ModelDescription.fileName(slot.source()) + ": "
                    + reasonForClients(unreadable.getMessage(), slot.source())
                    + "; still serving model generation " + slot.current().generation());
        }
        metrics.reloaded(true);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reloaded", true);
        body.put("model_generation", next.generation());
        body.put("model", next.description());
        Exchanges.send(exchange, 200, Json.TYPE, Json.bytes(body));
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

    /**
     * Threads made as concurrent requests need them, up to one per allowed connection, ended after
     * 30 s idle: a request is handed to an idle thread when there is one (a synchronous hand-off),
     * so one client's sequential requests reuse one thread. (With the core size at the maximum and
     * a queue, every request made a new thread until the maximum: 256 for one client.) In the rare
     * moment when every thread is busy, the hand-off waits for one to free up.
     */
    private static ThreadPoolExecutor connectionThreads(int maxConnections) {
        AtomicInteger count = new AtomicInteger();
        return new ThreadPoolExecutor(0, maxConnections, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                runnable -> {
                    Thread thread = new Thread(runnable, "perceptron-http-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, (task, pool) -> {
                    try {
                        if (!pool.isShutdown() && pool.getQueue().offer(task, 10, TimeUnit.SECONDS)) {
                            return;
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    throw new RejectedExecutionException("every connection thread stayed busy");
                });
    }

    /** The most threads the service has had at once, for tests. */
    int largestThreadCount() {
        return threads.getLargestPoolSize();
    }

    private static void configureJdkServer(ServerSettings settings) {
        setIfAbsent("sun.net.httpserver.maxReqTime", settings.requestTimeout().toSeconds());
        // A client that stops reading its answer is cut off too; a large batch takes well under this.
        setIfAbsent("sun.net.httpserver.maxRspTime", Math.max(30, settings.requestTimeout().toSeconds()));
        setIfAbsent("jdk.httpserver.maxConnections", settings.maxConnections());
        // Without TCP_NODELAY a small answer waits for the client's delayed ACK: 40 ms per request
        // (measured: 700 requests/s on 32 connections, p50 44 ms).
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private static void setIfAbsent(String property, long value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, Long.toString(value));
        }
    }

    /** Where the service answers, e.g. {@code http://127.0.0.1:8080/}. */
    public URI url() {
        String host = server.getAddress().getHostString();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + "/");
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The generation of the model being served: 1 at start, one more per successful reload. */
    public long modelGeneration() {
        return slot.current().generation();
    }

    /** The served model in a few words, e.g. {@code [784, 512, 10], 10 classes, 407,050 parameters}. */
    public String modelSummary() {
        var model = slot.current().model();
        return model.spec().sizes() + ", " + model.classNames().size() + " classes, "
                + String.format(Locale.ROOT, "%,d", model.spec().parameterCount()) + " parameters";
    }

    /** Every route and its methods. */
    public Map<String, Set<String>> routes() {
        return router.routes();
    }

    /**
     * Stops listening at once, lets requests in flight finish (for at most the grace period), then
     * closes every connection. Idempotent.
     */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        // JDK 17's stop(delay) waits the whole delay when no exchange is in flight to end it.
        server.stop(router.inFlight() == 0 ? 0 : (int) Math.max(1, settings.gracePeriod().toSeconds()));
        threads.shutdown();
    }

    @Override
    public void close() {
        stop();
    }
}

package io.github.perceptron.serving;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends each request to its endpoint by exact path and method, turns refusals into JSON errors
 * (404 for an unknown path, 405 with {@code Allow} for a wrong method), and counts every answer.
 * Nothing a client sends reaches the client as a stack trace.
 */
final class Router implements HttpHandler {

    /** Answers one request; throws {@link ApiException} to refuse it. */
    @FunctionalInterface
    interface Endpoint {
        void handle(HttpExchange exchange) throws IOException;
    }

    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");

    private final Map<String, Map<String, Endpoint>> routes = new LinkedHashMap<>();
    private final Metrics metrics;
    private final RequestGuard guard;
    private final AtomicInteger inFlight = new AtomicInteger();

    Router(Metrics metrics, RequestGuard guard) {
        this.metrics = metrics;
        this.guard = guard;
    }

    Router route(String method, String path, Endpoint endpoint) {
        routes.computeIfAbsent(path, p -> new LinkedHashMap<>()).put(method, endpoint);
        return this;
    }

    /** Every path with its methods, for the API description's test. */
    Map<String, Set<String>> routes() {
        Map<String, Set<String>> all = new LinkedHashMap<>();
        routes.forEach((path, methods) -> all.put(path, Collections.unmodifiableSet(new TreeSet<>(methods.keySet()))));
        return all;
    }

    int inFlight() {
        return inFlight.get();
    }

    @Override
    public void handle(HttpExchange exchange) {
        long start = System.nanoTime();
        inFlight.incrementAndGet();
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        Map<String, Endpoint> methods = routes.get(path);
        try {
            dispatch(exchange, path, method, methods);
        } catch (ApiException refusal) {
            refuse(exchange, refusal.status(), refusal.getMessage());
        } catch (IOException clientGone) {
            // The client closed the connection or stopped reading: there is no one to answer.
        } catch (RuntimeException bug) {
            System.err.println("perceptron serve: " + method + " " + path + " failed: " + bug);
            refuse(exchange, 500, "internal error (logged by the server)");
        } finally {
            int status = exchange.getResponseCode();
            metrics.request(methods == null ? "unmatched" : path, METHODS.contains(method) ? method : "other",
                    status, System.nanoTime() - start);
            exchange.close();
            inFlight.decrementAndGet();
        }
    }

    private void dispatch(HttpExchange exchange, String path, String method, Map<String, Endpoint> methods) throws IOException {
        guard.check(exchange, method, path);
        if (methods == null) {
            throw new ApiException(404, "no such route: " + method + " " + abbreviate(path)
                    + " (the API is described at /openapi.json)");
        }
        Endpoint endpoint = methods.get(method);
        if (endpoint == null) {
            exchange.getResponseHeaders().set("Allow", String.join(", ", methods.keySet()));
            throw new ApiException(405, abbreviate(path) + " answers " + String.join(" or ", methods.keySet())
                    + ", not " + abbreviate(method));
        }
        endpoint.handle(exchange);
    }

    private static void refuse(HttpExchange exchange, int status, String message) {
        if (exchange.getResponseCode() != -1) {
            return;  // the answer had started: the connection is closed below instead
        }
        try {
            if (status == 413) {
                // The rest of the body is not read: the connection cannot carry another request.
                exchange.getResponseHeaders().set("Connection", "close");
            }
            Exchanges.send(exchange, status, Json.TYPE, Json.error(status, message));
        } catch (IOException clientGone) {
            // Nothing more can be said to this client.
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 100 ? text : text.substring(0, 100) + "…";
    }
}

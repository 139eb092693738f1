package io.github.perceptron.serving;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends each request to its endpoint by exact path and method, turns refusals into JSON errors
 * (404 for an unknown path, 405 with {@code Allow} for a wrong method), and counts every answer.
 * Nothing a client sends reaches the client as a stack trace.
 */
final class Router {

    /** Answers one request; throws {@link ApiException} to refuse it. */
    @FunctionalInterface
    interface Endpoint {
        void handle(Exchange exchange) throws IOException;
    }

    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");

    private final Map<String, Map<String, Endpoint>> routes = new LinkedHashMap<>();
    private final Metrics metrics;
    private final RequestGuard guard;
    /** Requests not yet answered, for shutdown to answer when its grace period ends. */
    private final Set<Exchange> inFlight = ConcurrentHashMap.newKeySet();
    private volatile String stopping;

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
        return inFlight.size();
    }

    /**
     * From now on every new request gets 503, and the connection it came on is closed.
     *
     * @param why the end of the 503's message
     */
    void refuseNewRequests(String why) {
        stopping = why;
    }

    /** Answers 503 to every request still unanswered, saying {@code why}; their own answers are dropped. */
    List<CompletableFuture<Void>> answerInFlight(String why) {
        List<CompletableFuture<Void>> answers = new ArrayList<>();
        for (Exchange exchange : inFlight) {
            exchange.setResponseHeader("Connection", "close");
            if (exchange.send(503, Json.TYPE, Json.error(503, why))) {
                answers.add(exchange.written());
            }
        }
        return answers;
    }

    void handle(Exchange exchange) {
        long start = System.nanoTime();
        inFlight.add(exchange);
        String path = exchange.path();
        String method = exchange.method();
        Map<String, Endpoint> methods = routes.get(path);
        String route = methods == null ? "unmatched" : path;
        String counted = METHODS.contains(method) ? method : "other";
        // Counted as the answer leaves, not after: a client that reads /metrics once it has its
        // answer finds it counted (a test failed on a loaded machine when it was counted after).
        exchange.beforeAnswer(status -> metrics.request(route, counted, status, System.nanoTime() - start));
        try {
            dispatch(exchange, path, method, methods);
        } catch (ApiException refusal) {
            refuse(exchange, refusal.status(), refusal.getMessage());
        } catch (IOException clientGone) {
            // The client closed the connection or stopped reading: there is no one to answer.
            exchange.abandon(clientGone);
        } catch (RuntimeException bug) {
            System.err.println("perceptron serve: " + method + " " + abbreviate(path) + " failed: " + bug);
            refuse(exchange, 500, "internal error (logged by the server)");
        } finally {
            inFlight.remove(exchange);
            if (exchange.status() < 0) {
                metrics.request(route, counted, -1, System.nanoTime() - start);  // the client left unanswered
            }
        }
    }

    private void dispatch(Exchange exchange, String path, String method, Map<String, Endpoint> methods) throws IOException {
        String why = stopping;
        if (why != null) {
            exchange.setResponseHeader("Connection", "close");
            throw new ApiException(503, why);
        }
        guard.check(exchange, method, path);
        if (methods == null) {
            throw new ApiException(404, "no such route: " + method + " " + abbreviate(path)
                    + " (the API is described at /openapi.json)");
        }
        Endpoint endpoint = methods.get(method);
        if (endpoint == null) {
            exchange.setResponseHeader("Allow", String.join(", ", methods.keySet()));
            throw new ApiException(405, abbreviate(path) + " answers " + String.join(" or ", methods.keySet())
                    + ", not " + abbreviate(method));
        }
        endpoint.handle(exchange);
    }

    private static void refuse(Exchange exchange, int status, String message) {
        if (status == 413) {
            // The rest of the body is not read: the connection cannot carry another request. Reading
            // some of it first lets a client that sends its whole body before it reads (Python's
            // urllib) see the 413 rather than a reset connection.
            exchange.setResponseHeader("Connection", "close");
            exchange.drainBody(DRAIN_BYTES, DRAIN_NANOS);
        }
        exchange.send(status, Json.TYPE, Json.error(status, message));
    }

    /** How much of a refused body is read and dropped before the 413, at most. */
    private static final long DRAIN_BYTES = 64L << 20;
    private static final long DRAIN_NANOS = 2_000_000_000L;

    /** At most 100 characters of what a client sent, for a message quoting it. */
    static String abbreviate(String text) {
        return text.length() <= 100 ? text : text.substring(0, 100) + "…";
    }
}

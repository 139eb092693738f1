package io.github.perceptron.serving;

import java.time.Duration;
import java.util.Set;

/**
 * How the service listens and what it accepts.
 *
 * @param host             the address to bind; loopback unless the user asks otherwise
 * @param port             0 picks a free port
 * @param maxBodyBytes     larger bodies are refused with 413 before they are read
 * @param maxImagesPerRequest the most images one JSON batch may hold
 * @param maxImagePixels   the largest width × height an uploaded image may declare
 * @param maxConnections   open connections beyond this are closed as they arrive
 * @param computeSlots     requests decoding or predicting at once; more wait for {@code busyWait}, then get 503
 * @param busyWait         how long a request waits for a compute slot
 * @param requestTimeout   a connection on which nothing arrives for this long is closed (stalled clients are cut off)
 * @param gracePeriod      how long shutdown waits for requests in flight; those still running then get 503
 * @param allowedHosts     host names served besides IP addresses, {@code localhost} and {@code host}
 *                         (a request naming another gets 421: DNS rebinding)
 * @param bearerToken      when not empty, every API route needs {@code Authorization: Bearer} it (401
 *                         otherwise); the page, its files, {@code /healthz} and {@code /openapi.json} stay open
 */
public record ServerSettings(String host, int port, long maxBodyBytes, int maxImagesPerRequest, long maxImagePixels,
                             int maxConnections, int computeSlots, Duration busyWait, Duration requestTimeout,
                             Duration gracePeriod, Set<String> allowedHosts, String bearerToken) {

    public static final long DEFAULT_MAX_BODY_BYTES = 10L << 20;

    public ServerSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be in 0..65535, was " + port);
        }
        if (maxBodyBytes < 1 || maxImagesPerRequest < 1 || maxImagePixels < 1 || maxConnections < 1 || computeSlots < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
        allowedHosts = Set.copyOf(allowedHosts);
        if (bearerToken == null) {
            throw new IllegalArgumentException("the bearer token is empty when there is none, never null");
        }
        if (gracePeriod.isNegative()) {
            throw new IllegalArgumentException("the grace period cannot be negative, was " + gracePeriod);
        }
        if (requestTimeout.toSeconds() < 1) {
            throw new IllegalArgumentException("the request timeout is counted in whole seconds, at least 1, was " + requestTimeout);
        }
    }

    /**
     * The defaults: 10 MB bodies, 1,000 images per batch, 16-megapixel images (fewer on a small
     * heap, see {@link #imagePixelsFor}), 256 connections, 10 s of silence before a connection is
     * closed, 10 s of grace at shutdown.
     */
    public static ServerSettings defaults(String host, int port) {
        int slots = Math.max(2, Runtime.getRuntime().availableProcessors());
        return new ServerSettings(host, port, DEFAULT_MAX_BODY_BYTES, 1000,
                imagePixelsFor(Runtime.getRuntime().maxMemory(), slots), 256,
                slots, Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(10), Set.of(), "");
    }

    /**
     * The largest image a decode may declare: 16 megapixels (as {@code predict} reads), or fewer so
     * that {@code slots} decodes at once, each about {@value #BYTES_PER_DECODED_PIXEL} bytes a pixel
     * (the raster and its grey levels), fit in a quarter of {@code maxHeap}.
     */
    static long imagePixelsFor(long maxHeap, int slots) {
        long affordable = maxHeap / 4 / ((long) slots * BYTES_PER_DECODED_PIXEL);
        return Math.max(1L << 20, Math.min(16L << 20, affordable));
    }

    private static final int BYTES_PER_DECODED_PIXEL = 10;

    public ServerSettings withMaxBodyBytes(long bytes) {
        return new ServerSettings(host, port, bytes, maxImagesPerRequest, maxImagePixels, maxConnections, computeSlots,
                busyWait, requestTimeout, gracePeriod, allowedHosts, bearerToken);
    }

    public ServerSettings withComputeSlots(int slots, Duration wait) {
        return new ServerSettings(host, port, maxBodyBytes, maxImagesPerRequest, maxImagePixels, maxConnections, slots,
                wait, requestTimeout, gracePeriod, allowedHosts, bearerToken);
    }

    public ServerSettings withRequestTimeout(Duration timeout) {
        return new ServerSettings(host, port, maxBodyBytes, maxImagesPerRequest, maxImagePixels, maxConnections,
                computeSlots, busyWait, timeout, gracePeriod, allowedHosts, bearerToken);
    }

    /** How long shutdown lets requests in flight run; those still running then get 503. */
    public ServerSettings withGracePeriod(Duration grace) {
        return new ServerSettings(host, port, maxBodyBytes, maxImagesPerRequest, maxImagePixels, maxConnections,
                computeSlots, busyWait, requestTimeout, grace, allowedHosts, bearerToken);
    }

    /** These host names are served too (besides IP addresses, {@code localhost} and the bound host). */
    public ServerSettings withAllowedHosts(Set<String> names) {
        return new ServerSettings(host, port, maxBodyBytes, maxImagesPerRequest, maxImagePixels, maxConnections,
                computeSlots, busyWait, requestTimeout, gracePeriod, names, bearerToken);
    }

    /** Every API route then needs {@code Authorization: Bearer token}; empty for none. */
    public ServerSettings withBearerToken(String token) {
        return new ServerSettings(host, port, maxBodyBytes, maxImagesPerRequest, maxImagePixels, maxConnections,
                computeSlots, busyWait, requestTimeout, gracePeriod, allowedHosts, token);
    }

    @Override
    public String toString() {
        // Never the token itself: settings end up in logs.
        return "ServerSettings[host=" + host + ", port=" + port + ", maxBodyBytes=" + maxBodyBytes
                + ", allowedHosts=" + allowedHosts + ", bearerToken=" + (bearerToken.isEmpty() ? "none" : "set") + "]";
    }
}

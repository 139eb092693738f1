package io.github.perceptron.serving;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * One request and its answer, as the endpoints see them: headers, a body read within a limit, and
 * exactly one answer. The answer is claimed once, so that shutdown can answer 503 for a request
 * still running at the end of the grace period while the request's own answer, if it ever comes,
 * is dropped.
 */
final class Exchange {

    private final Request request;
    private final Response response;
    private final Callback callback;
    private final AtomicBoolean answered = new AtomicBoolean();
    private volatile int status = -1;
    private final CompletableFuture<Void> written = new CompletableFuture<>();
    private volatile IntConsumer beforeAnswer = status -> { };

    Exchange(Request request, Response response, Callback callback) {
        this.request = request;
        this.response = response;
        this.callback = callback;
    }

    String method() {
        return request.getMethod();
    }

    /** The decoded path, e.g. {@code /v1/predict}. */
    String path() {
        String path = request.getHttpURI().getDecodedPath();
        return path == null ? "" : path;
    }

    /** The query as sent, or null when there is none. */
    String rawQuery() {
        return request.getHttpURI().getQuery();
    }

    /** The first value of a request header, or null. */
    String header(String name) {
        return request.getHeaders().get(name);
    }

    void setResponseHeader(String name, String value) {
        response.getHeaders().put(name, value);
    }

    /** Called with the status once, as the answer is about to be written (to count it). */
    void beforeAnswer(IntConsumer listener) {
        beforeAnswer = listener;
    }

    /** The answer's status, or -1 while there is none. */
    int status() {
        return status;
    }

    /** The media type of the request, lower case and without parameters, or null when none was sent. */
    String mediaType() {
        String header = header("Content-Type");
        if (header == null || header.isBlank()) {
            return null;
        }
        int semicolon = header.indexOf(';');
        return (semicolon < 0 ? header : header.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    /**
     * The length the client declares, or -1 when it sends the body chunked. Refused with 413 at
     * once when it is larger than {@code limit}. (The server refuses a length that is not a number,
     * or given twice, before any endpoint runs.)
     */
    long declaredLength(long limit) {
        long length = request.getLength();
        if (length > limit) {
            throw tooLarge(length + " bytes", limit);
        }
        return length;
    }

    /**
     * The whole body, refused with 413 when it is larger than {@code limit}: at once when its length
     * is declared, or as soon as more than {@code limit} bytes arrive when it is chunked.
     */
    byte[] readBody(long limit) {
        boolean chunked = declaredLength(limit) < 0;
        int cap = (int) Math.min(limit, Integer.MAX_VALUE - 16);
        byte[] body;
        try (InputStream in = Content.Source.asInputStream(request)) {
            body = in.readNBytes(cap + 1);
        } catch (IOException unreadable) {
            // A bad chunk size line, an overlong extension, trailers or an upload cut off: the client's doing.
            throw ApiException.badRequest((chunked ? "the chunked request body is malformed or cut short"
                    : "the request body is cut short") + " (" + inWords(unreadable) + ")");
        }
        if (body.length > cap) {
            throw tooLarge("more than " + cap + " bytes", limit);
        }
        return body;
    }

    /**
     * Reads and drops what is left of the body, until its end, {@code maxBytes} or the deadline
     * ({@code maxNanos} from now), whichever comes first; never blocks past the deadline.
     */
    void drainBody(long maxBytes, long maxNanos) {
        long deadline = System.nanoTime() + maxNanos;
        long drained = 0;
        try {
            while (drained <= maxBytes) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    CountDownLatch more = new CountDownLatch(1);
                    request.demand(more::countDown);
                    long left = deadline - System.nanoTime();
                    if (left <= 0 || !more.await(left, TimeUnit.NANOSECONDS)) {
                        return;
                    }
                    continue;
                }
                boolean last = chunk.isLast() || Content.Chunk.isFailure(chunk);
                drained += chunk.remaining();
                chunk.release();
                if (last) {
                    return;
                }
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    /** Jetty says "Early EOF" for a body that ends before its length or last chunk. */
    private static String inWords(IOException unreadable) {
        String message = unreadable.getMessage();
        if (message == null || message.equals("Early EOF") || message.contains("EofException")) {
            return "the connection ended before the body did";
        }
        return message;
    }

    static ApiException tooLarge(String size, long limit) {
        return new ApiException(413, "the request body is " + size + "; at most " + limit + " bytes ("
                + String.format(Locale.ROOT, "%.1f MB", limit / 1048576.0) + ") are accepted");
    }

    /**
     * Answers, unless the request was answered already (by shutdown): then this does nothing.
     *
     * @return whether this call gave the answer
     */
    boolean send(int code, String contentType, byte[] body) {
        if (!answered.compareAndSet(false, true)) {
            return false;
        }
        status = code;
        beforeAnswer.accept(code);
        response.setStatus(code);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        // A HEAD answer's body is dropped by the server; its length stays what GET would send.
        response.write(true, ByteBuffer.wrap(body), Callback.from(() -> {
            callback.succeeded();
            written.complete(null);
        }, failure -> {
            callback.failed(failure);
            written.complete(null);
        }));
        return true;
    }

    /** Completes when the answer has been written, or has failed to be. */
    CompletableFuture<Void> written() {
        return written;
    }

    /** Ends the request without an answer (the client is gone, or the answer failed mid-way). */
    void abandon(Throwable why) {
        if (answered.compareAndSet(false, true)) {
            callback.failed(why);
            written.complete(null);
        }
    }
}

package io.github.perceptron.serving;

import java.nio.ByteBuffer;
import java.util.Locale;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Requests Jetty's parser refuses before any route sees them: a length that is not a number or is
 * given twice, Transfer-Encoding with Content-Length (request smuggling), a missing or repeated
 * Host, a bad request target, headers over the limit (431) or a request line over it (414).
 * Refusing is right; this makes the refusal JSON like every other, in our words, and counts it in
 * {@code /metrics} under the route {@code "unparsed"}.
 */
final class ProtocolRefusals extends ErrorHandler {

    private final Metrics metrics;

    ProtocolRefusals(Metrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long start = System.nanoTime();
        Throwable cause = (Throwable) request.getAttribute(ERROR_EXCEPTION);
        int status = cause instanceof HttpException refusal ? refusal.getCode() : response.getStatus();
        if (status < 400 || status > 599) {
            status = 400;
        }
        String reason = cause instanceof HttpException refusal && refusal.getReason() != null ? refusal.getReason()
                : (String) request.getAttribute(ERROR_MESSAGE);
        byte[] body = Json.error(status, message(status, reason));
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Json.TYPE);
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        metrics.request("unparsed", "other", status, System.nanoTime() - start);  // before the answer leaves
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }

    /** What was wrong, for the client: Jetty's reason is short and names the header; the rest is ours. */
    static String message(int status, String reason) {
        String what = reason == null || reason.isBlank() || reason.equals(HttpStatus.getMessage(status)) ? null : reason;
        return switch (status) {
            case 431 -> "the request's headers are larger than " + PredictionServer.MAX_HEADER_BYTES + " bytes";
            case 414 -> "the request's target (its URL) is longer than " + PredictionServer.MAX_HEADER_BYTES + " bytes";
            case 426, 505 -> "only HTTP/1.0 and HTTP/1.1 are served";
            default -> what == null ? "the request line or its target is malformed (HTTP/1.1: METHOD /path HTTP/1.1)"
                    : "the request breaks HTTP/1.1 and was refused unread: " + what
                    + (smuggling(what) ? " (a length, or Host, must be given once, and never Content-Length"
                            + " with Transfer-Encoding)" : "");
        };
    }

    private static boolean smuggling(String reason) {
        String lower = reason.toLowerCase(Locale.ROOT);
        return lower.contains("content-length") || lower.contains("transfer-encoding") || lower.contains("host");
    }
}

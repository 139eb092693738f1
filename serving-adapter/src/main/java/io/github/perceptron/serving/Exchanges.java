package io.github.perceptron.serving;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;

/** Reading request bodies within a limit, and writing responses. */
final class Exchanges {

    private Exchanges() {
    }

    /**
     * The length the client declares, or -1 when it sends the body chunked. Refused with 413 at
     * once when it is larger than {@code limit}.
     */
    static long declaredLength(HttpExchange exchange, long limit) {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared == null) {
            return -1;
        }
        long length;
        try {
            length = Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("Content-Length is not a number: " + declared);
        }
        if (length > limit) {
            throw tooLarge(length + " bytes", limit);
        }
        return length;
    }

    /**
     * The whole body, refused with 413 when it is larger than {@code limit}: at once when its length
     * is declared, or as soon as more than {@code limit} bytes arrive when it is chunked.
     */
    static byte[] readBody(HttpExchange exchange, long limit) throws IOException {
        boolean chunked = declaredLength(exchange, limit) < 0;
        int cap = (int) Math.min(limit, Integer.MAX_VALUE - 16);
        InputStream in = exchange.getRequestBody();
        byte[] body;
        try {
            body = in.readNBytes(cap + 1);
        } catch (IOException unreadable) {
            if (chunked) {
                // The JDK's chunk decoder fails on a bad size line, an overlong extension or a cut-off
                // upload alike: the client's fault, said as such (it was a 500 through try-with-
                // resources, whose close threw the same exception and suppressed it into itself).
                throw ApiException.badRequest("the chunked request body is malformed or cut short ("
                        + unreadable.getMessage() + ")");
            }
            throw unreadable;
        } finally {
            closeQuietly(in);
        }
        if (body.length > cap) {
            throw tooLarge("more than " + cap + " bytes", limit);
        }
        return body;
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException alreadyFailed) {
            // The read said what went wrong; closing a broken stream adds nothing.
        }
    }

    private static ApiException tooLarge(String size, long limit) {
        return new ApiException(413, "the request body is " + size + "; at most " + limit + " bytes ("
                + String.format(Locale.ROOT, "%.1f MB", limit / 1048576.0) + ") are accepted");
    }

    /** The media type of the request, lower case and without parameters, or null when none was sent. */
    static String mediaType(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Content-Type");
        if (header == null || header.isBlank()) {
            return null;
        }
        int semicolon = header.indexOf(';');
        return (semicolon < 0 ? header : header.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        if (exchange.getRequestMethod().equals("HEAD")) {
            // A HEAD answer has no body; given a length, the JDK server logs two warnings per request.
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}

package io.github.perceptron.serving;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** A file of the page, read once from the jar: the page works offline, with nothing fetched from elsewhere. */
final class StaticResource implements Router.Endpoint {

    /** The page's own files only: no script, style or image from anywhere else. */
    private static final String POLICY = "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; "
            + "script-src 'self'; connect-src 'self'; frame-ancestors 'none'";

    private final byte[] content;
    private final String type;

    private StaticResource(byte[] content, String type) {
        this.content = content;
        this.type = type;
    }

    /** @param name a file under this package's {@code web/} resources */
    static StaticResource of(String name, String type) {
        try (InputStream in = StaticResource.class.getResourceAsStream("web/" + name)) {
            if (in == null) {
                throw new IllegalStateException("web/" + name + " is missing from the jar");
            }
            return new StaticResource(in.readAllBytes(), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void handle(Exchange exchange) {
        exchange.setResponseHeader("Content-Security-Policy", POLICY);
        exchange.setResponseHeader("Cache-Control", "no-cache");
        exchange.send(200, type, content);
    }
}

package io.github.perceptron.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/** A public HTTP mirror serving {@code <file>.gz}, as the MNIST mirrors do. */
final class MirrorSource implements FileSource {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    private final URI base;

    MirrorSource(URI base) {
        this.base = base;
    }

    @Override
    public String describe() {
        return "mirror " + base;
    }

    /** HttpClient often throws a bare ConnectException whose cause holds the useful words. */
    private static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getClass().getSimpleName() + ": " + t.getMessage();
            }
        }
        return e.getClass().getSimpleName() + " (no network?)";
    }

    @Override
    public InputStream open(String file, FetchProgress progress) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(file + ".gz"))
                .timeout(Duration.ofMinutes(10)).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = CLIENT.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        } catch (IOException e) {
            throw new IOException(reason(e), e);
        }
        if (response.statusCode() != 200) {
            response.body().close();
            throw new IOException("HTTP " + response.statusCode());
        }
        progress.started(file, describe(), response.headers().firstValueAsLong("content-length").orElse(-1));
        return new GzipCompressorInputStream(new CountingInputStream(response.body(), progress), true);
    }
}

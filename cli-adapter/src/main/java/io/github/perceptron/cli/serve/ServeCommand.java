package io.github.perceptron.cli.serve;

import io.github.perceptron.cli.common.CommandFailure;
import io.github.perceptron.cli.common.Console;
import io.github.perceptron.cli.common.ModelOption;
import io.github.perceptron.core.model.Model;
import io.github.perceptron.core.model.ModelStore;
import io.github.perceptron.dataset.DigitImages;
import io.github.perceptron.serving.ImageDecoder;
import io.github.perceptron.serving.ModelLoader;
import io.github.perceptron.serving.PredictionServer;
import io.github.perceptron.serving.ServerSettings;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code perceptron serve}: the prediction API and the draw-a-digit page for a saved model. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve a saved model over HTTP: a JSON API (POST /v1/predict, GET /v1/model, "
                + "POST /v1/model/reload, /healthz, /metrics, /openapi.json) and a page at / to draw digits on.",
                "Stops cleanly on Ctrl-C or SIGTERM: requests in flight finish, and the exit code is 0."})
public final class ServeCommand implements Callable<Integer> {

    private static final String IMAGE_SOURCE = "request body";

    private final ModelStore store;
    private final Console console;

    @Mixin
    ModelOption model;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "The address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for every interface).")
    String host;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
            description = "The port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--max-body-mb", paramLabel = "MB", defaultValue = "10",
            description = "Larger request bodies are refused with 413 (default: ${DEFAULT-VALUE}).")
    int maxBodyMegabytes;

    @Option(names = "--request-timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "A client must send its whole request within this, or is cut off (default: ${DEFAULT-VALUE}).")
    int requestTimeoutSeconds;

    @Option(names = "--allow-host", paramLabel = "NAME",
            description = "A host name clients may reach the service by, besides IP addresses, localhost and --host"
                    + " (repeatable); requests naming any other get 421, which stops DNS rebinding.")
    java.util.List<String> allowedHosts = new java.util.ArrayList<>();

    @Inject
    ServeCommand(ModelStore store, Console console) {
        this.store = store;
        this.console = console;
    }

    @Override
    public Integer call() throws Exception {
        ServerSettings settings = settings();
        StopSignals signals = StopSignals.install(console.err());
        PredictionServer server = start(settings);
        PrintWriter out = console.out();
        out.println("perceptron serve: " + model.file() + " loaded: " + server.modelSummary());
        out.println("perceptron serve: listening on " + server.url() + " (Ctrl-C to stop)");
        if (!isLoopback(settings.host())) {
            console.err().println("perceptron serve: warning: " + settings.host()
                    + " is reachable from other machines; the API has no authentication");
        }
        out.flush();
        console.err().flush();
        signals.await();
        out.println("perceptron serve: stopping: new connections refused, requests in flight finishing");
        out.flush();
        server.stop();
        out.println("perceptron serve: stopped");
        out.flush();
        return 0;
    }

    private ServerSettings settings() {
        if (maxBodyMegabytes < 1 || maxBodyMegabytes > 1024) {
            throw new IllegalArgumentException("--max-body-mb must be in 1..1024, was " + maxBodyMegabytes);
        }
        if (requestTimeoutSeconds < 1 || requestTimeoutSeconds > 3600) {
            throw new IllegalArgumentException("--request-timeout must be in 1..3600 seconds, was " + requestTimeoutSeconds);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be in 0..65535, was " + port);
        }
        if (new InetSocketAddress(host, port).isUnresolved()) {
            throw new CommandFailure("--host " + host + ": no such address on this machine's network");
        }
        for (String name : allowedHosts) {
            if (!name.matches("[A-Za-z0-9]([A-Za-z0-9.-]{0,252})")) {
                throw new IllegalArgumentException("--allow-host " + name + ": not a host name (letters, digits, dots and"
                        + " hyphens, without a port)");
            }
        }
        return ServerSettings.defaults(host, port)
                .withAllowedHosts(java.util.Set.copyOf(allowedHosts))
                .withMaxBodyBytes((long) maxBodyMegabytes << 20)
                .withRequestTimeout(Duration.ofSeconds(requestTimeoutSeconds));
    }

    private PredictionServer start(ServerSettings settings) {
        ModelLoader loader = new ModelLoader() {
            @Override
            public Model load() {
                return store.load(model.file());
            }

            @Override
            public String source() {
                return model.file().toString();
            }
        };
        long maxPixels = settings.maxImagePixels();
        ImageDecoder decoder = (encoded, width, height) -> DigitImages.decode(encoded, IMAGE_SOURCE, maxPixels, width, height);
        try {
            return PredictionServer.start(settings, loader, decoder);
        } catch (BindException e) {
            throw new CommandFailure("cannot listen on " + settings.host() + ":" + settings.port() + ": "
                    + e.getMessage().toLowerCase(java.util.Locale.ROOT) + " (choose another with --port, or 0 for any free port)");
        } catch (IOException e) {
            throw new CommandFailure("cannot listen on " + settings.host() + ":" + settings.port() + ": " + e.getMessage());
        }
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}

package io.github.perceptron.cli.serve;

import io.github.perceptron.cli.common.CommandFailure;
import io.github.perceptron.cli.common.OptionException;
import io.github.perceptron.cli.console.Console;
import io.github.perceptron.cli.files.ModelOption;
import io.github.perceptron.cli.host.Environment;
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
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code perceptron serve}: the prediction API and the draw-a-digit page for a saved model. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve a saved model over HTTP: a JSON API (POST /v1/predict, GET /v1/model, "
                + "POST /v1/model/reload, /healthz, /metrics, /openapi.json) and a page at / to draw digits on.",
                "Stops cleanly on Ctrl-C or SIGTERM: requests in flight finish within --grace-period (those"
                        + " still running then get 503), and the exit code is 0."})
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
            description = "A connection on which nothing arrives for this long is closed (default: ${DEFAULT-VALUE}).")
    int requestTimeoutSeconds;

    @Option(names = "--grace-period", paramLabel = "SECONDS", defaultValue = "10",
            description = "On Ctrl-C or SIGTERM, how long requests in flight may still take; those still running"
                    + " then are answered 503 (default: ${DEFAULT-VALUE}).")
    int gracePeriodSeconds;

    @Option(names = "--allow-host", paramLabel = "NAME",
            description = "A host name clients may reach the service by, besides IP addresses, localhost and --host"
                    + " (repeatable); requests naming any other get 421, which stops DNS rebinding.")
    List<String> allowedHosts = new ArrayList<>();

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "A file whose first line is the bearer token every API call must send"
                    + " (Authorization: Bearer TOKEN; the page takes it as /#token=TOKEN). Required, or"
                    + " PERCEPTRON_SERVE_TOKEN, when --host is not a loopback address.")
    Path tokenFile;

    @Option(names = "--insecure-no-auth",
            description = "Listen beyond this machine without a token: anyone who reaches the port can use and reload the model.")
    boolean insecureNoAuth;

    private final Map<String, String> environment;

    @Inject
    ServeCommand(ModelStore store, Console console, Environment environment) {
        this.store = store;
        this.console = console;
        this.environment = environment.variables();
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
            console.err().println(settings.bearerToken().isEmpty()
                    ? "perceptron serve: warning: " + settings.host() + " is reachable from other machines, and"
                            + " --insecure-no-auth lets anyone who reaches it use and reload the model"
                    : "perceptron serve: API calls need the bearer token; open the page as " + server.url()
                            + "#token=TOKEN");
        }
        out.flush();
        console.err().flush();
        signals.await();
        out.println("perceptron serve: stopping: new connections refused, requests in flight finishing");
        out.flush();
        int cut = server.stop();
        if (cut > 0) {
            out.println("perceptron serve: " + cut + (cut == 1 ? " request was" : " requests were") + " still running after the "
                    + gracePeriodSeconds + " s grace period and got 503");
        }
        out.println("perceptron serve: stopped");
        out.flush();
        return 0;
    }

    private ServerSettings settings() {
        if (maxBodyMegabytes < 1 || maxBodyMegabytes > 1024) {
            throw new OptionException("--max-body-mb must be in 1..1024, was " + maxBodyMegabytes);
        }
        if (requestTimeoutSeconds < 1 || requestTimeoutSeconds > 3600) {
            throw new OptionException("--request-timeout must be in 1..3600 seconds, was " + requestTimeoutSeconds);
        }
        if (gracePeriodSeconds < 0 || gracePeriodSeconds > 3600) {
            throw new OptionException("--grace-period must be in 0..3600 seconds, was " + gracePeriodSeconds);
        }
        if (port < 0 || port > 65535) {
            throw new OptionException("--port must be in 0..65535, was " + port);
        }
        if (new InetSocketAddress(host, port).isUnresolved()) {
            throw new CommandFailure("--host " + host + ": no such address on this machine's network");
        }
        for (String name : allowedHosts) {
            if (!name.matches("[A-Za-z0-9]([A-Za-z0-9.-]{0,252})")) {
                throw new OptionException("--allow-host " + name + ": not a host name (letters, digits, dots and"
                        + " hyphens, without a port)");
            }
        }
        String token = token();
        if (token.isEmpty() && !isLoopback(host) && !insecureNoAuth) {
            throw new OptionException("--host " + host + " is reachable from other machines: give a token"
                    + " (--token-file FILE or PERCEPTRON_SERVE_TOKEN), or --insecure-no-auth to serve anyone");
        }
        return ServerSettings.defaults(host, port)
                .withBearerToken(token)
                .withAllowedHosts(Set.copyOf(allowedHosts))
                .withMaxBodyBytes((long) maxBodyMegabytes << 20)
                .withRequestTimeout(Duration.ofSeconds(requestTimeoutSeconds))
                .withGracePeriod(Duration.ofSeconds(gracePeriodSeconds));
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

    /** The token from --token-file, else PERCEPTRON_SERVE_TOKEN, else none (empty); at least 16 characters. */
    private String token() {
        String token;
        String from;
        if (tokenFile != null) {
            try {
                token = Files.readAllLines(tokenFile, StandardCharsets.UTF_8).stream()
                        .findFirst().orElse("").strip();
            } catch (IOException | UncheckedIOException e) {
                throw new CommandFailure("--token-file " + tokenFile + ": cannot read it (" + e.getMessage() + ")");
            }
            from = "--token-file " + tokenFile;
        } else {
            token = environment.getOrDefault("PERCEPTRON_SERVE_TOKEN", "").strip();
            from = "PERCEPTRON_SERVE_TOKEN";
        }
        if (!token.isEmpty() && (token.length() < 16 || !token.matches("[\\x21-\\x7e]+"))) {
            throw new OptionException(from + ": the token must be at least 16 printable characters without"
                    + " spaces (for example: openssl rand -hex 16)");
        }
        return token;
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}

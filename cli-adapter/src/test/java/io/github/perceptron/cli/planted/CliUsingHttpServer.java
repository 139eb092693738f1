package io.github.perceptron.cli.planted;

import com.sun.net.httpserver.HttpServer;

/** A planted violation (test sources only): a command reaching for the HTTP server itself. */
public class CliUsingHttpServer {
    public Class<?> server = HttpServer.class;
}

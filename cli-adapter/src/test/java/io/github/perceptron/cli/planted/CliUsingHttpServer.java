package io.github.perceptron.cli.planted;

import org.eclipse.jetty.server.Server;

/** A planted violation (test sources only): a command reaching for the HTTP server itself. */
public class CliUsingHttpServer {
    public Class<?> server = Server.class;
}

package io.github.perceptron.cli.host;

import java.util.Map;

/** The process environment, injected so tests can set it. */
public record Environment(Map<String, String> variables) {
}

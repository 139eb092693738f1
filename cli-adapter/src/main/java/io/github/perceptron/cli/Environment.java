package io.github.perceptron.cli;

import java.util.Map;

/** The process environment, injected so tests can set it. */
record Environment(Map<String, String> variables) {
}

package io.github.perceptron.cli.console;

import java.io.PrintWriter;

/** Where commands write: results to {@code out}, progress and errors to {@code err}. */
public record Console(PrintWriter out, PrintWriter err, boolean terminal) {
}

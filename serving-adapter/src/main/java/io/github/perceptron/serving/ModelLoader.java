package io.github.perceptron.serving;

import io.github.perceptron.core.model.Model;

/** Where the served model comes from: read at start and again on every reload. */
public interface ModelLoader {

    /**
     * Reads the model afresh.
     *
     * @throws RuntimeException with a one-line message naming the source when it cannot be read
     */
    Model load();

    /** What the model is read from, as users know it (a file name). */
    String source();
}

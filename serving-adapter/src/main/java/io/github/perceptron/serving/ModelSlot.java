package io.github.perceptron.serving;

import java.time.Instant;

/**
 * The model being served, swapped whole on reload. A reload that fails leaves the old model in
 * place; reloads are serialised so that generations count up.
 */
final class ModelSlot {

    private final ModelLoader loader;
    private volatile ServedModel current;

    ModelSlot(ModelLoader loader) {
        this.loader = loader;
        this.current = load(1);
    }

    ServedModel current() {
        return current;
    }

    String source() {
        return loader.source();
    }

    /** Reads the model again and serves it from now on. */
    synchronized ServedModel reload() {
        ServedModel next = load(current.generation() + 1);
        current = next;
        return next;
    }

    private ServedModel load(long generation) {
        var model = loader.load();
        return new ServedModel(model, ModelDescription.withoutHostPaths(ModelDescription.of(model, loader.source())), generation, Instant.now());
    }
}

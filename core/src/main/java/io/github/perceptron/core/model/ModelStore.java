package io.github.perceptron.core.model;

import java.nio.file.Path;

/**
 * Keeps trained models. Implementations write atomically (a reader sees the old model or the new
 * one, never a mix) and report unreadable models with a {@link ModelStoreException}.
 */
public interface ModelStore {

    void save(Model model, Path location);

    Model load(Path location);
}

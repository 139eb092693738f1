package io.github.perceptron.core.model;

import java.nio.file.Path;

/**
 * Keeps trained models. Implementations write atomically (a reader sees the old model or the new
 * one, never a mix) and report unreadable models with a {@link ModelStoreException}.
 */
public interface ModelStore {

    /**
     * Saves {@code model} at {@code location}, replacing any file there atomically.
     *
     * @param model    the model
     * @param location the file
     * @throws ModelStoreException if the file cannot be written, naming it and why
     */
    void save(Model model, Path location);

    /**
     * Loads the model saved at {@code location}.
     *
     * @param location the file
     * @return the model, with the bits it was saved with
     * @throws ModelStoreException if the file is missing, unreadable, malformed or of another format, naming it and why
     */
    Model load(Path location);
}

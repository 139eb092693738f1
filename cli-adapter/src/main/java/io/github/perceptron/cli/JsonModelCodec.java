package io.github.perceptron.cli;

import io.github.perceptron.cli.common.CommandFailure;
import io.github.perceptron.cli.common.ModelCodec;
import io.github.perceptron.core.model.Model;
import io.github.perceptron.persistence.JsonModelStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Models as the persistence adapter's JSON documents: what the composition root binds {@link ModelCodec} to. */
public final class JsonModelCodec implements ModelCodec {

    private static final long serialVersionUID = 1L;

    /** Written to a private temporary file and read back: the store writes files only. */
    @Override
    public byte[] write(Model model) {
        Path file = null;
        try {
            file = Files.createTempFile("perceptron-model", ".json");
            new JsonModelStore().save(model, file);
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CommandFailure("cannot write a model to the temporary directory: " + e.getMessage());
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // the temporary directory's own cleaning takes it
                }
            }
        }
    }
}

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
        return throughTemporaryFile(file -> {
            new JsonModelStore().save(model, file);
            return Files.readAllBytes(file);
        });
    }

    /** Written to a private temporary file for the store to read: it reads files only. */
    @Override
    public Model read(byte[] document) {
        return throughTemporaryFile(file -> {
            Files.write(file, document);
            return new JsonModelStore().load(file);
        });
    }

    private interface FileWork<T> {
        T on(Path file) throws IOException;
    }

    private static <T> T throughTemporaryFile(FileWork<T> work) {
        Path file = null;
        try {
            file = Files.createTempFile("perceptron-model", ".json");
            return work.on(file);
        } catch (IOException e) {
            throw new CommandFailure("cannot pass a model through the temporary directory: " + e.getMessage());
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

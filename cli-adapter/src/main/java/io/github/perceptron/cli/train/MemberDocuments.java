package io.github.perceptron.cli.train;

import io.github.perceptron.cli.common.CommandFailure;
import io.github.perceptron.core.model.Model;
import io.github.perceptron.persistence.JsonModelStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** A committee member's model file as bytes, so that a member trained on another machine travels whole. */
final class MemberDocuments {

    private MemberDocuments() {
    }

    /** The bytes of {@code model}'s file, written where it was trained and read back. */
    static byte[] bytesOf(Model model) {
        Path file = null;
        try {
            file = Files.createTempFile("perceptron-member", ".json");
            new JsonModelStore().save(model, file);
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CommandFailure("cannot write a committee member's model to the temporary directory: " + e.getMessage());
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

    /** Writes {@code document} to {@code file} whole or not at all: a kill mid-write leaves the old file or none. */
    static void write(byte[] document, Path file) {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.write(temporary, document);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CommandFailure(file + ": cannot save a committee member: " + e.getMessage());
        }
    }
}

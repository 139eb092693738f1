package io.github.perceptron.cli.train;

import io.github.perceptron.cli.common.CommandFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** A committee member's model file, come back as bytes (see {@code ModelCodec}), saved whole beside the committee. */
final class MemberDocuments {

    private MemberDocuments() {
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

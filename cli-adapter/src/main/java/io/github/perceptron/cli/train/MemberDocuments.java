package io.github.perceptron.cli.train;

import io.github.perceptron.cli.common.CommandFailure;
import java.io.IOException;
import java.nio.file.FileSystemException;
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
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // what could not be written may not be deletable either; the message names the place
            }
            throw new CommandFailure(file + ": cannot save a committee member: " + reason(e));
        }
    }

    /** The operating system's reason when there is one ("Is a directory"): the file is named already. */
    private static String reason(IOException e) {
        if (e instanceof FileSystemException failed && failed.getReason() != null) {
            return failed.getReason();
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}

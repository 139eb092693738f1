package io.github.perceptron.cli.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * The command line's port for the files it writes beside models (charts, reports, tables): each
 * written whole or not at all, never half. The composition root binds the persistence adapter's
 * atomic replace.
 */
@FunctionalInterface
public interface FileOutput {

    /** What goes into a file. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Replaces {@code file} with {@code content}: a failed write leaves whatever was there before. */
    void replace(Path file, Content content) throws IOException;
}

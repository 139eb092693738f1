package io.github.perceptron.dataset;

import io.github.perceptron.core.data.DatasetException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The one check every reader makes before it opens a data file: it must be a regular file.
 * A FIFO or a pipe ({@code <(...)}) would block or be read only once and has no size to check,
 * a device such as {@code /dev/zero} never ends, and a directory is a typing slip.
 */
final class DataFiles {

    private DataFiles() {
    }

    /** {@code file}'s size, after checking it is a regular file (links followed); else a one-line {@link DatasetException}. */
    static long requireRegular(Path file) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            throw new DatasetException(file + ": file not found");
        }
        if (attributes.isDirectory()) {
            throw new DatasetException(file + ": is a directory, not a data file");
        }
        if (!attributes.isRegularFile()) {
            throw new DatasetException(file + ": is a pipe or a device, not a regular file; data is read from files "
                    + "whose size is known, so save the stream to a file first");
        }
        return attributes.size();
    }
}

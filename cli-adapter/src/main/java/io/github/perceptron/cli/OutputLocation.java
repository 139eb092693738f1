package io.github.perceptron.cli;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks, before any long work, that a file can be written where the user asked: a read-only or
 * forbidden directory should cost a second, not a training run.
 */
final class OutputLocation {

    private OutputLocation() {
    }

    /**
     * Creates the file's directory if needed and writes and deletes a probe file in it, as the
     * atomic save will. Throws a {@link CommandFailure} naming the file and the reason otherwise.
     */
    static void checkWritable(Path file, String option) {
        Path directory = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(directory);
            Path probe = Files.createTempFile(directory, ".perceptron-probe-", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new CommandFailure(file + ": cannot write there (" + reason(e) + "); nothing was trained: choose a "
                    + "writable location with " + option);
        }
    }

    static String reason(Exception e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException || e instanceof java.nio.file.NotDirectoryException) {
            return "a path component is not a directory";
        }
        if (e instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
            return fileSystem.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}

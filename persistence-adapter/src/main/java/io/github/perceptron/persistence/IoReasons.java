package io.github.perceptron.persistence;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** Why a file operation failed, in words: the JDK's exceptions often carry only the path. */
final class IoReasons {

    private IoReasons() {
    }

    static String of(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "its directory no longer exists (deleted while the run went on?)";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException system && system.getReason() != null) {
            return system.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}

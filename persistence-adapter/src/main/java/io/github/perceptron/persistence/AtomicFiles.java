package io.github.perceptron.persistence;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Replaces a file so that readers, and a crash at any moment, see either the old content or the
 * new, never a mix: write a temporary file in the same directory, force it to disk, rename it over
 * the target. A save killed mid-write leaves its hidden temporary behind; the next save of the
 * same file removes those older than {@link #STALE}.
 */
public final class AtomicFiles {

    /** Old enough that no save still running can own it: a save takes milliseconds. */
    static final Duration STALE = Duration.ofMinutes(10);

    /** Writes a file's content to a stream, which it must not close. */
    public interface Writer {
        /**
         * Writes the content.
         *
         * @param out the temporary file's stream
         * @throws IOException if writing fails; the target is then left as it was
         */
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * Writes {@code target} anew. A symbolic link is followed: the file it points to is replaced,
     * the link stays. Anything but a regular file (a device, a FIFO, a directory) is refused, never
     * replaced.
     *
     * @param target the file to replace or create
     * @param writer writes the new content
     * @throws IOException if the target is not a regular file, or writing or moving fails (the target
     *                     is then left as it was and no temporary file remains)
     */
    public static void replace(Path target, Writer writer) throws IOException {
        Path absolute = regularOrAbsent(target.toAbsolutePath());
        Path directory = absolute.getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, "." + absolute.getFileName() + ".", ".tmp");
        try {
            shareable(temporary, absolute);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                BufferedOutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
                writer.writeTo(out);
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
        removeStaleTemporaries(directory, absolute.getFileName().toString());
    }

    /** The file to replace: {@code path} itself, or where its symbolic link points. */
    private static Path regularOrAbsent(Path path) throws IOException {
        Path file = path;
        if (Files.isSymbolicLink(path)) {
            if (!Files.exists(path)) {
                throw new IOException(path + " is a symbolic link to nothing (" + Files.readSymbolicLink(path) + ")");
            }
            file = path.toRealPath();
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new IOException(path + " is not a regular file (a device, a pipe or a directory); it was left as it is");
        }
        return file;
    }

    /** Best effort: a temporary that cannot be listed or deleted is left for the next save. */
    private static void removeStaleTemporaries(Path directory, String name) {
        Pattern temporaryName = Pattern.compile("\\." + Pattern.quote(name) + "\\.\\d+\\.tmp");
        Instant staleBefore = Instant.now().minus(STALE);
        try (DirectoryStream<Path> temporaries = Files.newDirectoryStream(directory,
                path -> temporaryName.matcher(path.getFileName().toString()).matches())) {
            for (Path temporary : temporaries) {
                try {
                    if (Files.getLastModifiedTime(temporary).toInstant().isBefore(staleBefore)) {
                        Files.deleteIfExists(temporary);
                    }
                } catch (IOException ignored) {
                    // Gone already, or not ours to delete.
                }
            }
        } catch (IOException | DirectoryIteratorException ignored) {
            // The save itself succeeded; tidying up is not worth failing it.
        }
    }

    /** Temporary files are private (0600); a model keeps the old file's permissions, or gets 0644. */
    private static void shareable(Path temporary, Path target) throws IOException {
        if (!Files.getFileStore(temporary).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.exists(target)
                ? Files.getPosixFilePermissions(target) : PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(temporary, permissions);
    }
}

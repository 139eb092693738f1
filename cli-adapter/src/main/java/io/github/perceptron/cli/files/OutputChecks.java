package io.github.perceptron.cli.files;

import io.github.perceptron.cli.common.CommandFailure;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks, before any long work, the files a command will write: each must be a regular file or
 * not exist yet (a device, a FIFO or a directory is never replaced), each must be writable (a
 * read-only directory should cost a second, not a training run), no two may be the same file,
 * and none may be a file the command reads. Failures name the option and the file.
 */
public final class OutputChecks {

    /** What the command reads: files, and directories whose whole tree it reads. */
    public record Inputs(List<Path> files, List<Path> trees) {
        Inputs plusFile(Path file) {
            List<Path> more = new ArrayList<>(files);
            more.add(file);
            return new Inputs(more, trees);
        }
    }

    private Inputs inputs;
    private final Map<String, Path> outputs = new LinkedHashMap<>();

    public OutputChecks(Inputs inputs) {
        this.inputs = inputs;
    }

    /** The outputs of a command that reads only {@code files} (a model to convert, say). */
    public static OutputChecks readingFiles(Path... files) {
        return new OutputChecks(new Inputs(List.of(files), List.of()));
    }

    /** A further input: no output may be {@code file}, except one added with it as {@code mayReplace}. */
    public OutputChecks alsoReads(Path file) {
        inputs = inputs.plusFile(file);
        return this;
    }

    /** Checks one output against the rules and against the outputs added before it. */
    public OutputChecks add(String option, Path file) {
        return add(option, file, null);
    }

    /** As {@link #add(String, Path)}, but {@code file} may be the input {@code mayReplace} (a checkpoint a run resumes from). */
    public OutputChecks add(String option, Path file, Path mayReplace) {
        Path real = real(file);
        checkKind(option, file);
        for (Path input : inputs.files()) {
            if (real.equals(real(input)) && (mayReplace == null || !real.equals(real(mayReplace)))) {
                throw refused(option, file, "is an input of this run (" + input + ")");
            }
        }
        for (Path tree : inputs.trees()) {
            if (real.startsWith(real(tree))) {
                throw refused(option, file, "is inside the data this run reads (" + tree + ")");
            }
        }
        for (Map.Entry<String, Path> earlier : outputs.entrySet()) {
            if (real.equals(real(earlier.getValue()))) {
                throw refused(option, file, "is also the " + earlier.getKey() + " file; give each output its own file");
            }
        }
        checkWritable(file, option);
        outputs.put(option, file);
        return this;
    }

    private static void checkKind(String option, Path file) {
        Optional<BasicFileAttributes> attributes = attributes(file);
        if (attributes.isEmpty() || attributes.get().isRegularFile()) {
            return;
        }
        String kind = attributes.get().isDirectory() ? "a directory" : describeSpecial(file);
        throw refused(option, file, "is " + kind + ", not a regular file; perceptron writes only regular files "
                + "and never replaces anything else");
    }

    private static String describeSpecial(Path file) {
        try {
            Object mode = Files.getAttribute(file, "unix:mode");
            int type = (Integer) mode & 0170000;
            switch (type) {
                case 0020000:
                    return "a character device";
                case 0060000:
                    return "a block device";
                case 0010000:
                    return "a FIFO (named pipe)";
                case 0140000:
                    return "a socket";
                default:
                    return "a special file";
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return "a special file";
        }
    }

    private static Optional<BasicFileAttributes> attributes(Path file) {
        try {
            return Optional.of(Files.readAttributes(file, BasicFileAttributes.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static CommandFailure refused(String option, Path file, String problem) {
        return new CommandFailure(option + " " + file + ": " + problem + "; nothing was written");
    }

    /**
     * The file's real location: symbolic links, {@code ..} and relative parts resolved, for the
     * longest part of the path that exists, so two spellings of one file compare equal.
     */
    static Path real(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path existing = absolute;
        List<Path> rest = new ArrayList<>();
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            rest.add(0, existing.getFileName());
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        Path real;
        try {
            real = existing.toRealPath();
        } catch (IOException e) {
            real = existing;
        }
        for (Path part : rest) {
            real = real.resolve(part);
        }
        return real;
    }

    /**
     * Creates the file's directory if needed and writes and deletes a probe file in it, as the
     * atomic save will. Throws a {@link CommandFailure} naming the file and the reason otherwise.
     */
    static void checkWritable(Path file, String option) {
        Path directory = real(file).getParent();
        try {
            Files.createDirectories(directory);
            Path probe = Files.createTempFile(directory, ".perceptron-probe-", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new CommandFailure(file + ": cannot write there (" + reason(e) + "); nothing was trained: choose a "
                    + "writable location with " + option);
        }
    }

    public static String reason(Exception e) {
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

package io.github.perceptron.onnx;

import io.github.perceptron.core.model.Model;
import io.github.perceptron.core.model.ModelStore;
import io.github.perceptron.core.model.ModelStoreException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Models as ONNX files: {@link #save} exports (see {@link OnnxExporter}), {@link #load} imports a
 * multi-layer perceptron written by perceptron or another tool (see {@link OnnxImporter}). Files
 * over {@value #MAX_BYTES} bytes are refused before they are read; saves are atomic.
 */
public final class OnnxModelStore implements ModelStore {

    /** 512 MB: far beyond any MLP perceptron reads (a million-parameter model is 4 MB). */
    static final long MAX_BYTES = 512L << 20;

    @Override
    public void save(Model model, Path location) {
        byte[] bytes = OnnxExporter.export(model);
        Path parent = location.toAbsolutePath().getParent();
        Path temporary = null;
        try {
            temporary = Files.createTempFile(parent, "." + location.getFileName() + ".", ".tmp");
            shareable(temporary, location);
            Files.write(temporary, bytes);
            try {
                Files.move(temporary, location, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, location, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new ModelStoreException(location + ": cannot save: " + e.getMessage(), e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // The save's own error, if any, is the one to report.
                }
            }
        }
    }

    /**
     * A temporary file is private (0600); the export keeps the old file's permissions, or gets
     * 0644 like a JSON model (persistence's AtomicFiles does the same), so that a service under
     * another account can read it.
     */
    private static void shareable(Path temporary, Path target) throws IOException {
        if (!Files.getFileStore(temporary).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.exists(target)
                ? Files.getPosixFilePermissions(target) : PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(temporary, permissions);
    }

    @Override
    public Model load(Path location) {
        return read(location);
    }

    /** Reads {@code location} as an ONNX model. */
    public static Model read(Path location) {
        String file = location.toString();
        try {
            // A FIFO or a device would block or never end; a symbolic link to a file is fine.
            if (Files.exists(location) && !Files.isRegularFile(location)) {
                throw new OnnxFormatException(file + ": not a regular file");
            }
            long size = Files.size(location);
            if (size > MAX_BYTES) {
                throw new OnnxFormatException(file + ": " + size + " bytes; ONNX models over " + MAX_BYTES + " bytes are not read");
            }
            byte[] bytes = readInChunks(location, size);
            refuseOtherKinds(bytes, file);
            return OnnxImporter.toModel(OnnxDecoder.decode(bytes, file, location.toAbsolutePath().getParent()), file);
        } catch (NoSuchFileException e) {
            throw new OnnxFormatException(file + ": file not found");
        } catch (IOException e) {
            throw new OnnxFormatException(file + ": cannot read: " + e.getMessage());
        }
    }

    /**
     * The file's bytes, read a megabyte at a time: one read of the whole file (as
     * {@code Files.readAllBytes} does) goes through a native buffer as large as the file, which
     * doubled the memory a 500 MB file took.
     */
    private static byte[] readInChunks(Path location, long size) throws IOException {
        byte[] bytes = new byte[(int) size];
        try (java.io.InputStream in = Files.newInputStream(location)) {
            int read = 0;
            while (read < bytes.length) {
                int n = in.read(bytes, read, Math.min(1 << 20, bytes.length - read));
                if (n < 0) {
                    return java.util.Arrays.copyOf(bytes, read);  // the file shrank while it was read
                }
                read += n;
            }
            if (in.read() >= 0) {
                throw new OnnxFormatException(location + ": the file grew while it was read; read it again when it is written");
            }
        }
        return bytes;
    }

    /** Imports the ONNX model in {@code bytes}; {@code file} names it in errors. */
    public static Model parse(byte[] bytes, String file) {
        refuseOtherKinds(bytes, file);
        return OnnxImporter.toModel(OnnxDecoder.decode(bytes, file, null), file);
    }

    /** A perceptron JSON model (or other text) named .onnx is said to be one, not parsed as protobuf. */
    private static void refuseOtherKinds(byte[] bytes, String file) {
        int first = 0;
        while (first < bytes.length && first < 64 && Character.isWhitespace(bytes[first])) {
            first++;
        }
        if (first < bytes.length && bytes[first] == '{') {
            throw new OnnxFormatException(file + ": this is JSON, not ONNX: a perceptron model file is read when its"
                    + " name ends in .json");
        }
        if (bytes.length == 0) {
            throw new OnnxFormatException(file + ": the file is empty");
        }
    }

    /** The ONNX encoding of {@code model}. */
    public static byte[] export(Model model) {
        return OnnxExporter.export(model);
    }
}

package io.github.perceptron.onnx;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Tensor data kept beside the model, as PyTorch's exporter writes it by default ({@code m.onnx}
 * and {@code m.onnx.data}). Only a plain file name in the model's own directory is read: no path,
 * no {@code ..}, no symbolic link, nothing but a regular file; every range must lie inside it, and
 * all of them together within {@link OnnxModelStore#MAX_BYTES}.
 */
final class ExternalData {

    private final Path directory;
    private final String model;
    private long budget = OnnxModelStore.MAX_BYTES;

    /** @param directory the model file's directory, or null when the model was not read from a file */
    ExternalData(Path directory, String model) {
        this.directory = directory;
        this.model = model;
    }

    /**
     * The {@code length} bytes at {@code offset} of {@code location} (-1: to its end).
     *
     * @param what names the tensor in errors
     */
    byte[] read(String location, long offset, long length, String what) {
        if (directory == null) {
            throw new OnnxFormatException(what + " keeps its data in '" + OnnxGraph.shortName(location)
                    + "', and this model was not read from a file");
        }
        if (location.isEmpty() || location.contains("/") || location.contains("\\") || location.equals(".")
                || location.equals("..") || location.indexOf('\0') >= 0) {
            throw new OnnxFormatException(what + " keeps its data in '" + OnnxGraph.shortName(location)
                    + "'; perceptron reads external data only from a file beside the model, named without a path");
        }
        Path file = directory.resolve(location);
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile()) {
                throw new OnnxFormatException(what + " keeps its data in " + file + ", which is not a regular file"
                        + (attributes.isSymbolicLink() ? " (a symbolic link)" : ""));
            }
            long size = attributes.size();
            long bytes = length < 0 ? size - offset : length;
            if (offset < 0 || bytes < 0 || offset > size || bytes > size - offset) {
                throw new OnnxFormatException(what + " claims bytes " + offset + " to " + (offset + bytes) + " of "
                        + file + ", which has " + size);
            }
            if (bytes > budget) {
                throw new OnnxFormatException(model + ": its external data is over " + OnnxModelStore.MAX_BYTES
                        + " bytes in all; ONNX models over that are not read");
            }
            budget -= bytes;
            ByteBuffer buffer = ByteBuffer.allocate((int) bytes);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
                while (buffer.hasRemaining()) {
                    if (channel.read(buffer, offset + buffer.position()) < 0) {
                        throw new OnnxFormatException(what + ": " + file + " ended early");
                    }
                }
            }
            return buffer.array();
        } catch (NoSuchFileException e) {
            throw new OnnxFormatException(what + " keeps its data in " + file + ", which does not exist (copy it"
                    + " beside the model: PyTorch writes it next to the .onnx file)");
        } catch (IOException e) {
            throw new OnnxFormatException(what + ": cannot read " + file + ": " + e.getMessage());
        }
    }
}

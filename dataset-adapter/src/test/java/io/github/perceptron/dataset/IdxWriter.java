package io.github.perceptron.dataset;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes small IDX files for tests, valid or deliberately broken. */
final class IdxWriter {

    private IdxWriter() {
    }

    static byte[] idx(int magic, int[] dimensions, byte[] data) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(magic);
            for (int d : dimensions) {
                out.writeInt(d);
            }
            out.write(data);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] images(int count, int rows, int cols, long seed) {
        byte[] data = new byte[count * rows * cols];
        new java.util.Random(seed).nextBytes(data);
        return idx(IdxFile.IMAGES_MAGIC, new int[] {count, rows, cols}, data);
    }

    static byte[] labels(int... labels) {
        byte[] data = new byte[labels.length];
        for (int i = 0; i < labels.length; i++) {
            data[i] = (byte) labels[i];
        }
        return idx(IdxFile.LABELS_MAGIC, new int[] {labels.length}, data);
    }

    static byte[] gzip(byte[] content) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
                out.write(content);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path path, byte[] content) {
        try {
            return Files.write(path, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A complete four-file MNIST-layout directory: 5 training and 3 test images of 4×3 pixels. */
    static Path mnistLayout(Path directory, boolean gzip) {
        write(directory, "train-images-idx3-ubyte", images(5, 3, 4, 1), gzip);
        write(directory, "train-labels-idx1-ubyte", labels(0, 1, 2, 9, 4), gzip);
        write(directory, "t10k-images-idx3-ubyte", images(3, 3, 4, 2), gzip);
        write(directory, "t10k-labels-idx1-ubyte", labels(7, 7, 1), gzip);
        return directory;
    }

    private static void write(Path directory, String name, byte[] content, boolean gzip) {
        write(directory.resolve(gzip ? name + ".gz" : name), gzip ? gzip(content) : content);
    }
}

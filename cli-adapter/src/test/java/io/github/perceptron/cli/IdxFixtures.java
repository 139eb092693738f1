package io.github.perceptron.cli;

import io.github.perceptron.core.data.LabelledImages;
import io.github.perceptron.core.testing.SyntheticImages;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes images as the IDX pair MNIST uses: {@code PREFIX-images-idx3-ubyte} and {@code PREFIX-labels-idx1-ubyte}. */
public final class IdxFixtures {

    private IdxFixtures() {
    }

    /**
     * A directory {@code parent/name} holding a 28×28, 10-class synthetic dataset (seeded blobs)
     * of {@code train} training and {@code test} test images, as {@code --data} reads it.
     */
    public static Path dataset(Path parent, String name, int train, int test) throws IOException {
        Path directory = Files.createDirectories(parent.resolve(name));
        write(directory, "train", SyntheticImages.blobs(train, 28, 28, 10, 1));
        write(directory, "t10k", SyntheticImages.blobs(test, 28, 28, 10, 2));
        return directory;
    }

    /**
     * The same data as {@link #dataset}, with the training images split into {@code parts} part
     * files {@code train/part-0000N-*} of contiguous images (the test files as usual).
     */
    public static Path partedDataset(Path parent, String name, int train, int test, int parts) throws IOException {
        Path directory = Files.createDirectories(parent.resolve(name));
        Path partsDirectory = Files.createDirectories(directory.resolve("train"));
        LabelledImages all = SyntheticImages.blobs(train, 28, 28, 10, 1);
        for (int p = 0; p < parts; p++) {
            write(partsDirectory, String.format("part-%05d", p), all.slice(train * p / parts, train * (p + 1) / parts));
        }
        write(directory, "t10k", SyntheticImages.blobs(test, 28, 28, 10, 2));
        return directory;
    }

    public static void write(Path directory, String prefix, LabelledImages images) throws IOException {
        try (OutputStream file = Files.newOutputStream(directory.resolve(prefix + "-images-idx3-ubyte"));
             DataOutputStream out = new DataOutputStream(file)) {
            out.writeInt(0x803);
            out.writeInt(images.size());
            out.writeInt(images.height());
            out.writeInt(images.width());
            for (int i = 0; i < images.size(); i++) {
                for (int p = 0; p < images.pixelCount(); p++) {
                    out.writeByte(images.pixel(i, p));
                }
            }
        }
        try (OutputStream file = Files.newOutputStream(directory.resolve(prefix + "-labels-idx1-ubyte"));
             DataOutputStream out = new DataOutputStream(file)) {
            out.writeInt(0x801);
            out.writeInt(images.size());
            for (int i = 0; i < images.size(); i++) {
                out.writeByte(images.label(i));
            }
        }
    }
}

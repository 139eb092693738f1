package io.github.perceptron.cli;

import io.github.perceptron.core.data.LabelledImages;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes images as the IDX pair MNIST uses: {@code PREFIX-images-idx3-ubyte} and {@code PREFIX-labels-idx1-ubyte}. */
final class IdxFixtures {

    private IdxFixtures() {
    }

    static void write(Path directory, String prefix, LabelledImages images) throws IOException {
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

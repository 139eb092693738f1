package io.github.perceptron.dataset;

import io.github.perceptron.core.data.DatasetSource;
import java.awt.image.BufferedImage;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.StringJoiner;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Nested;

/** The dataset contract run against every adapter. */
class DatasetSourceContractTest {

    @Nested
    class Idx extends DatasetSourceContract {
        @Override
        DatasetSource source(Path directory) throws IOException {
            writeIdx(directory, "train", TRAIN_LABELS);
            writeIdx(directory, "t10k", TEST_LABELS);
            return IdxDatasetSource.mnist(directory);
        }
    }

    @Nested
    class Csv extends DatasetSourceContract {
        @Override
        DatasetSource source(Path directory) throws IOException {
            writeCsv(directory.resolve("train.csv"), TRAIN_LABELS, true);
            writeCsv(directory.resolve("test.csv"), TEST_LABELS, false);
            return new CsvDatasetSource(directory);
        }
    }

    @Nested
    class ImageFolder extends DatasetSourceContract {
        @Override
        DatasetSource source(Path directory) throws IOException {
            writePngs(directory.resolve("train"), TRAIN_LABELS);
            writePngs(directory.resolve("test"), TEST_LABELS);
            // Classes are the training folders; a test split without some of them still has them all.
            return new ImageFolderDatasetSource(directory);
        }
    }

    static void writeIdx(Path directory, String prefix, int[] labels) throws IOException {
        try (OutputStream file = Files.newOutputStream(directory.resolve(prefix + "-images-idx3-ubyte"));
             DataOutputStream out = new DataOutputStream(file)) {
            out.writeInt(IdxFile.IMAGES_MAGIC);
            out.writeInt(labels.length);
            out.writeInt(28);
            out.writeInt(28);
            for (int i = 0; i < labels.length; i++) {
                for (int p = 0; p < 784; p++) {
                    out.writeByte(DatasetSourceContract.strokePixel(p));
                }
            }
        }
        IdxWriter.write(directory.resolve(prefix + "-labels-idx1-ubyte"), IdxWriter.labels(labels));
    }

    static void writeCsv(Path file, int[] labels, boolean header) throws IOException {
        StringBuilder csv = new StringBuilder();
        if (header) {
            StringJoiner names = new StringJoiner(",", "label,", "\n");
            for (int p = 0; p < 784; p++) {
                names.add("pixel" + p);
            }
            csv.append(names);
        }
        for (int label : labels) {
            StringJoiner row = new StringJoiner(",", label + ",", "\n");
            for (int p = 0; p < 784; p++) {
                row.add(Integer.toString(DatasetSourceContract.strokePixel(p)));
            }
            csv.append(row);
        }
        Files.writeString(file, csv);
    }

    /** Dark strokes on white paper, at twice MNIST's size: the adapter must invert and shrink them. */
    static void writePngs(Path root, int[] labels) throws IOException {
        for (int i = 0; i < labels.length; i++) {
            Path folder = Files.createDirectories(root.resolve(Integer.toString(labels[i])));
            BufferedImage image = new BufferedImage(56, 56, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 56; y++) {
                for (int x = 0; x < 56; x++) {
                    int ink = DatasetSourceContract.strokePixel((y / 2) * 28 + x / 2);
                    int grey = 255 - ink;
                    image.setRGB(x, y, (grey << 16) | (grey << 8) | grey);
                }
            }
            ImageIO.write(image, "png", folder.resolve(String.format("%03d.png", i)).toFile());
        }
    }
}

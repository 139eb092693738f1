package io.github.perceptron.dataset;

import io.github.perceptron.core.data.DatasetException;
import io.github.perceptron.core.data.Split;
import io.github.perceptron.core.testing.Fuzzing;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mutation fuzzing of every dataset reader: only {@link DatasetException} may escape (see {@link Fuzzing}). */
class ReaderFuzzTest {

    @TempDir
    Path dir;

    @Test
    void idx_images_raw_and_gzip() throws IOException {
        byte[] raw = IdxWriter.images(3, 4, 5, 1);
        Fuzzing.run(dir.resolve("images"), List.of(raw, IdxWriter.gzip(raw)), DatasetException.class,
                file -> IdxFile.read(file, IdxFile.IMAGES_MAGIC));
    }

    @Test
    void idx_labels_raw_and_gzip() throws IOException {
        byte[] raw = IdxWriter.labels(0, 1, 9, 4);
        Fuzzing.run(dir.resolve("labels"), List.of(raw, IdxWriter.gzip(raw)), DatasetException.class,
                file -> IdxFile.read(file, IdxFile.LABELS_MAGIC));
    }

    @Test
    void csv() throws IOException {
        Files.writeString(dir.resolve("train.csv"), "1,0,0,0,0\n");
        byte[] csv = "label,p0,p1,p2,p3\n1,0,255,3,4\n9,10,20,30,40\n".getBytes();
        Fuzzing.run(dir.resolve("test.csv"), List.of(csv), DatasetException.class,
                file -> new CsvDatasetSource(file.getParent()).load(Split.TEST));
    }

    @Test
    void png_jpeg_and_bmp_images() throws IOException {
        BufferedImage digit = digit();
        Fuzzing.run(dir.resolve("digit"), List.of(encode(digit, "png"), encode(digit, "jpg"), encode(digit, "bmp")),
                DatasetException.class, file -> DigitImages.read(file, 28, 28));
    }

    @Test
    void image_folder() throws IOException {
        Path folder = dir.resolve("folder");
        Path classSeven = Files.createDirectories(folder.resolve("train/7"));
        Files.createDirectories(folder.resolve("train/1"));
        Files.write(folder.resolve("train/1/one.png"), encode(digit(), "png"));
        Fuzzing.run(classSeven.resolve("seven.png"), List.of(encode(digit(), "png"), encode(digit(), "jpg")),
                DatasetException.class, file -> new ImageFolderDatasetSource(folder).load(Split.TRAIN));
    }

    private static BufferedImage digit() {
        BufferedImage digit = new BufferedImage(12, 12, BufferedImage.TYPE_INT_RGB);
        for (int y = 2; y < 10; y++) {
            digit.setRGB(5, y, 0xffffff);
            digit.setRGB(6, y, 0xffffff);
        }
        return digit;
    }

    private static byte[] encode(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }
}

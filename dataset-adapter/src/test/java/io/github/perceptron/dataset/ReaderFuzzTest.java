package io.github.perceptron.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.perceptron.core.data.DatasetException;
import io.github.perceptron.core.data.Split;
import io.github.perceptron.core.testing.Mutator;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutation fuzzing of every dataset reader: 10,000 broken variants of valid inputs each (set
 * {@code -Dfuzz.inputs=1000000} for a long run). The only exception that may escape is
 * {@link DatasetException}; anything else, or one input taking over 2 s, fails with the input's
 * index and the file kept for a regression test.
 */
class ReaderFuzzTest {

    private static final int INPUTS = Integer.getInteger("fuzz.inputs", 10_000);
    private static final long SLOW_NANOS = 2_000_000_000L;

    @TempDir
    Path dir;

    @Test
    void idx_images_raw_and_gzip() throws Exception {
        byte[] raw = IdxWriter.images(3, 4, 5, 1);
        fuzz("images", List.of(raw, IdxWriter.gzip(raw)), file -> IdxFile.read(file, IdxFile.IMAGES_MAGIC));
    }

    @Test
    void idx_labels_raw_and_gzip() throws Exception {
        byte[] raw = IdxWriter.labels(0, 1, 9, 4);
        fuzz("labels", List.of(raw, IdxWriter.gzip(raw)), file -> IdxFile.read(file, IdxFile.LABELS_MAGIC));
    }

    @Test
    void csv() throws Exception {
        byte[] csv = "label,p0,p1,p2,p3\n1,0,255,3,4\n9,10,20,30,40\n".getBytes();
        Files.writeString(dir.resolve("train.csv"), "1,0,0,0,0\n");
        fuzz("test.csv", List.of(csv), file -> new CsvDatasetSource(file.getParent()).load(Split.TEST));
    }

    @Test
    void png_jpeg_and_bmp_images() throws Exception {
        BufferedImage digit = new BufferedImage(12, 12, BufferedImage.TYPE_INT_RGB);
        for (int y = 2; y < 10; y++) {
            digit.setRGB(5, y, 0xffffff);
            digit.setRGB(6, y, 0xffffff);
        }
        fuzz("digit", List.of(encode(digit, "png"), encode(digit, "jpg"), encode(digit, "bmp")),
                file -> DigitImages.read(file, 28, 28));
    }

    interface Reader {
        void read(Path file) throws Exception;
    }

    private void fuzz(String name, List<byte[]> seeds, Reader reader) throws IOException {
        Mutator mutator = new Mutator(seeds, name.hashCode());
        Path file = dir.resolve(name);
        int refused = 0;
        for (int i = 0; i < INPUTS; i++) {
            byte[] input = mutator.next();
            Files.write(file, input);
            long start = System.nanoTime();
            try {
                reader.read(file);
            } catch (DatasetException expected) {
                refused++;
                assertThat(expected.getMessage()).as("input %d", i).isNotBlank();
            } catch (Throwable unexpected) {
                Path kept = Files.write(Path.of("target", "fuzz-" + name + "-" + i), input);
                throw new AssertionError("input " + i + " of " + name + " (kept in " + kept + ") threw " + unexpected,
                        unexpected);
            }
            assertThat(System.nanoTime() - start).as("input %d of %s took too long", i, name).isLessThan(SLOW_NANOS);
        }
        // The mutations must reach the readers' error paths, or this test proves nothing.
        System.out.printf("fuzz %s: %d of %d inputs refused%n", name, refused, INPUTS);
        assertThat(refused).as("inputs of %s refused", name).isGreaterThan(INPUTS / 4);
    }

    private static byte[] encode(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }
}

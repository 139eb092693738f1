package io.github.perceptron.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.perceptron.core.data.DatasetException;
import io.github.perceptron.core.data.LabelledImages;
import io.github.perceptron.core.data.Split;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data files as users hand them over: pipes, devices, directories, BOMs, odd first lines, odd folders. */
class InputEdgesTest {

    @TempDir
    Path dir;

    private static final String ROW = "1,0,0,0,0\n";

    // --- Files that are not regular files

    @Test
    void a_fifo_is_refused_at_once_instead_of_blocking() throws Exception {
        Path fifo = dir.resolve("train.csv");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        assertThatThrownBy(() -> new CsvDatasetSource(dir).load(Split.TRAIN)).isInstanceOf(DatasetException.class)
                .hasMessage(fifo + ": is a pipe or a device, not a regular file; data is read from files whose size is "
                        + "known, so save the stream to a file first");
        assertThatThrownBy(() -> IdxFile.read(fifo, IdxFile.IMAGES_MAGIC)).hasMessageContaining("is a pipe or a device");
    }

    @Test
    void dev_zero_and_a_link_to_it_are_devices_not_missing_files() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("train.csv"), Path.of("/dev/zero"));
        assertThatThrownBy(() -> new CsvDatasetSource(dir).load(Split.TRAIN)).hasMessageContaining("is a pipe or a device");
        assertThatThrownBy(() -> IdxFile.read(Path.of("/dev/zero"), IdxFile.IMAGES_MAGIC))
                .hasMessage("/dev/zero: is a pipe or a device, not a regular file; data is read from files whose size is "
                        + "known, so save the stream to a file first");
        assertThat(link).isSymbolicLink();
    }

    @Test
    void a_directory_where_an_idx_file_belongs_is_named_as_a_directory() throws IOException {
        Files.createDirectories(dir.resolve("train-images-idx3-ubyte"));
        assertThatThrownBy(() -> IdxDatasetSource.mnist(dir).load(Split.TRAIN))
                .hasMessage(dir.resolve("train-images-idx3-ubyte") + ": is a directory, not a data file");
    }

    // --- CSV

    @Test
    void a_file_without_line_breaks_is_refused_by_its_line_length_not_memory() throws IOException {
        Path csv = dir.resolve("train.csv");
        try (RandomAccessFile sparse = new RandomAccessFile(csv.toFile(), "rw")) {
            sparse.setLength(64L << 20); // zeros, no line break: a hole costs no disk
        }
        assertThatThrownBy(() -> new CsvDatasetSource(dir).load(Split.TRAIN))
                .hasMessage(csv + ":1: a line longer than 8388608 characters; no image needs one this long");
    }

    @Test
    void a_csv_larger_than_any_dataset_is_refused_before_reading() throws IOException {
        Path csv = dir.resolve("train.csv");
        try (RandomAccessFile sparse = new RandomAccessFile(csv.toFile(), "rw")) {
            sparse.setLength(3L << 30);
        }
        assertThatThrownBy(() -> new CsvDatasetSource(dir).load(Split.TRAIN))
                .hasMessage(csv + ": 3221225472 bytes; a CSV of images is read whole, and at most 2048 MiB are read");
    }

    @Test
    void a_utf8_byte_order_mark_is_accepted() throws IOException {
        Files.write(dir.resolve("train.csv"), ("\uFEFFlabel,a,b,c,d\n" + ROW + "0,1,2,3,4\n").getBytes(StandardCharsets.UTF_8));
        assertThat(new CsvDatasetSource(dir).load(Split.TRAIN).size()).isEqualTo(2);
        Files.write(dir.resolve("train.csv"), ("\uFEFF" + ROW + "0,1,2,3,4\n").getBytes(StandardCharsets.UTF_8));
        assertThat(new CsvDatasetSource(dir).load(Split.TRAIN).size()).as("no header: the BOM'd first row is data").isEqualTo(2);
    }

    @Test
    void a_non_ascii_byte_is_named_with_its_line() throws IOException {
        Files.write(dir.resolve("train.csv"), (ROW + "1,0,\u00e9,0,0\n").getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> new CsvDatasetSource(dir).load(Split.TRAIN))
                .hasMessageStartingWith(dir.resolve("train.csv") + ":2: pixel 1 is '");
    }

    @Test
    void a_first_row_with_a_signed_label_is_data_not_a_header() throws IOException {
        Files.writeString(dir.resolve("train.csv"), "-1,0,0,0,0\n" + ROW);
        assertThatThrownBy(() -> new CsvDatasetSource(dir).load(Split.TRAIN))
                .hasMessage(dir.resolve("train.csv") + ":1: label is -1, outside 0..255");
        Files.writeString(dir.resolve("train.csv"), "+5,0,0,0,0\n" + ROW);
        assertThat(new CsvDatasetSource(dir).load(Split.TRAIN).size()).isEqualTo(2);
    }

    @Test
    void test_labels_beyond_the_training_classes_name_test_csv_and_the_line() throws IOException {
        Files.writeString(dir.resolve("train.csv"), "0,0,0,0,0\n4,0,0,0,0\n");
        Files.writeString(dir.resolve("test.csv"), "label,a,b,c,d\n1,0,0,0,0\n9,0,0,0,0\n");
        CsvDatasetSource source = new CsvDatasetSource(dir);
        LabelledImages train = source.load(Split.TRAIN);
        assertThat(train.classCount()).isEqualTo(5);
        assertThatThrownBy(() -> source.load(Split.TEST))
                .hasMessage(dir.resolve("test.csv") + ":3: label 9 is not a class of train.csv, whose labels are 0..4");
    }

    @Test
    void test_split_has_the_training_classes_even_when_it_uses_fewer() throws IOException {
        Files.writeString(dir.resolve("train.csv"), "0,0,0,0,0\n4,0,0,0,0\n");
        Files.writeString(dir.resolve("test.csv"), "1,0,0,0,0\n");
        assertThat(new CsvDatasetSource(dir).load(Split.TEST).classNames()).hasSize(5);
    }

    // --- Image folders

    private void image(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY), "png", file.toFile());
    }

    private void twoClasses() throws IOException {
        image(dir.resolve("train/a/1.png"));
        image(dir.resolve("train/b/1.png"));
        image(dir.resolve("test/a/1.png"));
    }

    @Test
    void an_empty_training_class_folder_is_refused() throws IOException {
        twoClasses();
        Files.createDirectories(dir.resolve("train/c"));
        assertThatThrownBy(() -> new ImageFolderDatasetSource(dir).load(Split.TRAIN))
                .hasMessage(dir.resolve("train/c") + ": no images; every class needs training images");
    }

    @Test
    void an_image_in_a_sub_folder_is_refused_not_skipped() throws IOException {
        twoClasses();
        image(dir.resolve("train/a/more/2.png"));
        assertThatThrownBy(() -> new ImageFolderDatasetSource(dir).load(Split.TRAIN))
                .hasMessage(dir.resolve("train/a/more") + ": a folder inside a class folder; images must sit directly in "
                        + dir.resolve("train/a"));
    }

    @Test
    void a_class_only_in_test_is_refused_not_skipped() throws IOException {
        twoClasses();
        image(dir.resolve("test/z/1.png"));
        assertThatThrownBy(() -> new ImageFolderDatasetSource(dir).load(Split.TEST))
                .hasMessage(dir.resolve("test/z") + ": a class that " + dir.resolve("train") + " does not have; the classes are [a, b]");
    }

    @Test
    void a_symbolic_link_loop_is_reported() throws IOException {
        twoClasses();
        Path loop = dir.resolve("train/a/loop.png");
        Files.createSymbolicLink(loop, loop);
        assertThatThrownBy(() -> new ImageFolderDatasetSource(dir).load(Split.TRAIN))
                .hasMessageStartingWith(loop + ": a symbolic link that leads nowhere (broken, or in a loop)");
    }

    @Test
    void a_test_split_missing_a_class_keeps_every_class() throws IOException {
        twoClasses();
        assertThat(new ImageFolderDatasetSource(dir).load(Split.TEST).classNames()).containsExactly("a", "b");
    }
}

package io.github.perceptron.dataset;

import static io.github.perceptron.dataset.IdxWriter.gzip;
import static io.github.perceptron.dataset.IdxWriter.idx;
import static io.github.perceptron.dataset.IdxWriter.images;
import static io.github.perceptron.dataset.IdxWriter.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.perceptron.core.data.DatasetException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxFileTest {

    @TempDir
    Path dir;

    @Test
    void reads_raw_and_gzip_alike_whatever_the_file_is_called() {
        byte[] content = images(2, 3, 4, 7);
        IdxFile raw = IdxFile.read(write(dir.resolve("a.gz"), content), IdxFile.IMAGES_MAGIC);
        IdxFile zipped = IdxFile.read(write(dir.resolve("b"), gzip(content)), IdxFile.IMAGES_MAGIC);
        assertThat(raw.dimensions()).containsExactly(2, 3, 4);
        assertThat(zipped.dimensions()).containsExactly(2, 3, 4);
        assertThat(zipped.data()).isEqualTo(raw.data()).isEqualTo(Arrays.copyOfRange(content, 16, content.length));
    }

    @Test
    void wrong_magic_names_the_file_and_both_numbers() {
        Path labels = write(dir.resolve("labels"), IdxWriter.labels(1, 2));
        assertThatThrownBy(() -> IdxFile.read(labels, IdxFile.IMAGES_MAGIC))
                .isInstanceOf(DatasetException.class)
                .hasMessage(labels + ": not an IDX images file: magic number is 0x00000801, expected 0x00000803");
    }

    @Test
    void wrong_dimension_count_is_a_wrong_magic() {
        Path twoDims = write(dir.resolve("x"), idx(0x00000802, new int[] {1, 1}, new byte[1]));
        assertThatThrownBy(() -> IdxFile.read(twoDims, IdxFile.IMAGES_MAGIC)).hasMessageContaining("magic number is 0x00000802");
    }

    @Test
    void truncated_data_is_reported_with_promised_and_held_sizes() {
        byte[] content = images(2, 3, 4, 7);
        Path cut = write(dir.resolve("cut"), Arrays.copyOf(content, content.length - 5));
        assertThatThrownBy(() -> IdxFile.read(cut, IdxFile.IMAGES_MAGIC))
                .hasMessage(cut + ": truncated: the header promises 24 data bytes but the file holds 19");
        Path cutZip = write(dir.resolve("cut.gz"), gzip(Arrays.copyOf(content, content.length - 5)));
        assertThatThrownBy(() -> IdxFile.read(cutZip, IdxFile.IMAGES_MAGIC))
                .hasMessage(cutZip + ": truncated: the header promises 24 data bytes but the file holds 19");
    }

    @Test
    void truncated_header_says_which_field_is_missing() {
        Path stub = write(dir.resolve("stub"), new byte[] {0, 0, 8, 3, 0, 0, 0, 1});
        assertThatThrownBy(() -> IdxFile.read(stub, IdxFile.IMAGES_MAGIC))
                .hasMessage(stub + ": truncated header: no size of dimension 1");
    }

    @Test
    void trailing_bytes_are_refused_raw_and_compressed() {
        byte[] content = images(2, 3, 4, 7);
        byte[] longer = Arrays.copyOf(content, content.length + 3);
        assertThatThrownBy(() -> IdxFile.read(write(dir.resolve("long"), longer), IdxFile.IMAGES_MAGIC))
                .hasMessageContaining("trailing bytes after the 24 data bytes");
        assertThatThrownBy(() -> IdxFile.read(write(dir.resolve("long.gz"), gzip(longer)), IdxFile.IMAGES_MAGIC))
                .hasMessageContaining("trailing bytes after the 24 data bytes");
    }

    @Test
    void a_16_byte_file_claiming_two_billion_images_fails_before_allocating() {
        Path liar = write(dir.resolve("liar"), idx(IdxFile.IMAGES_MAGIC, new int[] {Integer.MAX_VALUE, 28, 28}, new byte[0]));
        assertThatThrownBy(() -> IdxFile.read(liar, IdxFile.IMAGES_MAGIC))
                .hasMessageContaining("more than one array can hold");
        Path modest = write(dir.resolve("modest"), idx(IdxFile.IMAGES_MAGIC, new int[] {1_000_000, 28, 28}, new byte[0]));
        assertThatThrownBy(() -> IdxFile.read(modest, IdxFile.IMAGES_MAGIC))
                .hasMessage(modest + ": truncated: the header promises 784000000 data bytes but the file holds 0");
    }

    @Test
    void a_small_gzip_file_cannot_promise_more_than_deflate_can_expand_to() {
        Path liar = write(dir.resolve("liar.gz"), gzip(idx(IdxFile.IMAGES_MAGIC, new int[] {1_000_000, 28, 28}, new byte[0])));
        assertThatThrownBy(() -> IdxFile.read(liar, IdxFile.IMAGES_MAGIC))
                .hasMessageContaining("more than a ").hasMessageContaining("-byte gzip file can hold");
    }

    @Test
    void negative_sizes_and_missing_files_are_named() {
        Path negative = write(dir.resolve("neg"), idx(IdxFile.LABELS_MAGIC, new int[] {-1}, new byte[0]));
        assertThatThrownBy(() -> IdxFile.read(negative, IdxFile.LABELS_MAGIC))
                .hasMessage(negative + ": size of dimension 0 is negative: -1");
        assertThatThrownBy(() -> IdxFile.read(dir.resolve("absent"), IdxFile.LABELS_MAGIC))
                .hasMessage(dir.resolve("absent") + ": file not found");
    }

    @Test
    void corrupt_gzip_is_a_dataset_error_naming_the_file() {
        byte[] zipped = gzip(images(2, 3, 4, 7));
        zipped[zipped.length / 2] ^= 0x55;
        zipped[zipped.length / 2 + 1] ^= 0x55;
        Path broken = write(dir.resolve("broken.gz"), zipped);
        assertThatThrownBy(() -> IdxFile.read(broken, IdxFile.IMAGES_MAGIC))
                .isInstanceOf(DatasetException.class).hasMessageStartingWith(broken + ": ");
    }
}

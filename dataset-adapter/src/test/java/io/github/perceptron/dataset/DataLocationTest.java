package io.github.perceptron.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.perceptron.core.data.DatasetException;
import io.github.perceptron.core.data.Split;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data read where a run was shipped to: refused unless it is the data the run started on. */
class DataLocationTest {

    @TempDir
    Path dir;

    @Test
    void other_data_at_the_same_path_is_refused_by_its_digest_and_the_same_data_is_read() throws IOException {
        Path digits = IdxWriter.mnistLayout(Files.createDirectories(dir.resolve("digits")), false);
        DataLocation location = new DataLocation(null, "idx", digits.toString());
        String digest = location.open().load(Split.TRAIN).contentDigest();
        assertThat(location.openVerified(digest).load(Split.TRAIN).contentDigest()).isEqualTo(digest);
        assertThatThrownBy(() -> location.openVerified("sha256:0000").load(Split.TRAIN))
                .isInstanceOf(DatasetException.class)
                .hasMessage(digits + ": these training images are not the ones the command was started on (" + digest
                        + ", expected sha256:0000)");
    }

    @Test
    void test_images_are_checked_by_their_own_digest_when_one_is_given() throws IOException {
        Path digits = IdxWriter.mnistLayout(Files.createDirectories(dir.resolve("checked")), false);
        DataLocation location = new DataLocation(null, "idx", digits.toString());
        String train = location.open().load(Split.TRAIN).contentDigest();
        String test = location.open().load(Split.TEST).contentDigest();
        assertThat(location.openVerified(train, test).load(Split.TEST).contentDigest()).isEqualTo(test);
        assertThatThrownBy(() -> location.openVerified(train, "sha256:1111"))
                .isInstanceOf(DatasetException.class)
                .hasMessage(digits + ": these test images are not the ones the command was started on (" + test
                        + ", expected sha256:1111)");
    }

    @Test
    void an_unknown_format_or_dataset_is_refused_when_the_location_is_made() {
        assertThatThrownBy(() -> new DataLocation(null, "parquet", dir.toString()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown format 'parquet'");
        assertThatThrownBy(() -> new DataLocation("cifar", "idx", dir.toString()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown dataset 'cifar'");
    }

    @Test
    void only_idx_training_data_in_part_files_is_parted() throws IOException {
        Path whole = IdxWriter.mnistLayout(Files.createDirectories(dir.resolve("whole")), false);
        assertThat(new DataLocation(null, "idx", whole.toString()).partedTraining()).isEmpty();
        Path parted = Files.createDirectories(dir.resolve("parted"));
        IdxWriter.mnistLayout(parted, false);
        Path parts = Files.createDirectories(parted.resolve("train"));
        Files.move(parted.resolve("train-images-idx3-ubyte"), parts.resolve("part-00000-images-idx3-ubyte"));
        Files.move(parted.resolve("train-labels-idx1-ubyte"), parts.resolve("part-00000-labels-idx1-ubyte"));
        assertThat(new DataLocation(null, "idx", parted.toString()).partedTraining()).isPresent()
                .get().extracting(IdxDatasetSource::trainingParts).asList().containsExactly("part-00000");
    }
}

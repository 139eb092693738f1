package io.github.perceptron.cli.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.perceptron.cli.IdxFixtures;
import io.github.perceptron.core.data.DatasetException;
import io.github.perceptron.core.data.Split;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data read where a run was shipped to: refused unless it is the data the run started on. */
class DataLocationTest {

    @TempDir
    Path dir;

    @Test
    void other_data_at_the_same_path_is_refused_by_its_digest_and_the_same_data_is_read() throws IOException {
        Path digits = IdxFixtures.dataset(dir, "digits", 50, 10);
        DataLocation location = new DataLocation(null, "idx", digits.toString());
        String digest = location.open().load(Split.TRAIN).contentDigest();
        assertThat(location.openVerified(digest).load(Split.TRAIN).contentDigest()).isEqualTo(digest);
        assertThatThrownBy(() -> location.openVerified("sha256:0000").load(Split.TRAIN))
                .isInstanceOf(DatasetException.class)
                .hasMessage(digits + ": these training images are not the ones the command was started on (" + digest
                        + ", expected sha256:0000)");
    }
}

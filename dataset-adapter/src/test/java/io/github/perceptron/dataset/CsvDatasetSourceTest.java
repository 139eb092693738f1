package io.github.perceptron.dataset;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.perceptron.core.data.DatasetException;
import io.github.perceptron.core.data.Split;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvDatasetSourceTest {

    @TempDir
    Path dir;

    @Test
    void bad_lines_are_named_by_file_and_line_number() throws IOException {
        Files.writeString(dir.resolve("train.csv"), "label,a,b,c,d\n1,0,0,0,0\n2,0,0,0\n");
        assertThatThrownBy(() -> new CsvDatasetSource(dir).load(Split.TRAIN)).isInstanceOf(DatasetException.class)
                .hasMessage(dir.resolve("train.csv") + ":3: 4 fields, expected 5");
        Files.writeString(dir.resolve("train.csv"), "1,0,0,0,x\n");
        assertThatThrownBy(() -> new CsvDatasetSource(dir).load(Split.TRAIN))
                .hasMessage(dir.resolve("train.csv") + ":1: pixel 3 is 'x', not a whole number");
        Files.writeString(dir.resolve("train.csv"), "1,0,0,0,256\n");
        assertThatThrownBy(() -> new CsvDatasetSource(dir).load(Split.TRAIN))
                .hasMessage(dir.resolve("train.csv") + ":1: pixel 3 is 256, outside 0..255");
    }

    @Test
    void non_square_images_empty_files_and_missing_files_are_refused() throws IOException {
        Files.writeString(dir.resolve("train.csv"), "1,0,0,0\n");
        assertThatThrownBy(() -> new CsvDatasetSource(dir).load(Split.TRAIN))
                .hasMessageContaining("3 pixel columns do not make a square image");
        Files.writeString(dir.resolve("train.csv"), "label,p0\n");
        assertThatThrownBy(() -> new CsvDatasetSource(dir).load(Split.TRAIN)).hasMessage(dir.resolve("train.csv") + ": no images");
        Files.writeString(dir.resolve("train.csv"), "1,0,0,0,0\n");
        assertThatThrownBy(() -> new CsvDatasetSource(dir).load(Split.TEST)).hasMessage(dir.resolve("test.csv") + ": file not found");
    }
}

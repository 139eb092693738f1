package io.github.perceptron.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** One switch over the formats (issue 29: it was written twice in the command line, and validated a third time). */
class DataFormatTest {

    @Test
    void each_format_opens_its_source_and_names_what_it_reads() {
        Path dir = Path.of("/data");
        assertThat(DataFormat.fromId("IDX").open(dir)).isInstanceOf(IdxDatasetSource.class);
        assertThat(DataFormat.fromId("csv").open(dir)).isInstanceOf(CsvDatasetSource.class);
        assertThat(DataFormat.fromId(" images ").open(dir)).isInstanceOf(ImageFolderDatasetSource.class);
        assertThat(DataFormat.CSV.files(dir)).containsExactly(dir.resolve("train.csv"), dir.resolve("test.csv"));
        assertThat(DataFormat.IMAGES.folders(dir)).containsExactly(dir.resolve("train"), dir.resolve("test"));
        assertThat(DataFormat.IDX.files(dir)).contains(dir.resolve("train-images-idx3-ubyte"),
                dir.resolve("t10k-labels-idx1-ubyte.gz")).hasSize(8);
        assertThat(DataFormat.IDX.folders(dir)).containsExactly(dir.resolve("train"));
    }

    @Test
    void an_unknown_format_is_named() {
        assertThatThrownBy(() -> DataFormat.fromId("parquet")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown format 'parquet', expected idx, csv or images");
    }
}

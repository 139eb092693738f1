package io.github.perceptron.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.perceptron.core.data.DatasetException;
import io.github.perceptron.core.data.LabelledImages;
import io.github.perceptron.core.data.Split;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxDatasetSourceTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void loads_both_splits_from_raw_or_gzip_files(boolean gzip) {
        IdxDatasetSource source = IdxDatasetSource.mnist(IdxWriter.mnistLayout(dir, gzip));
        LabelledImages train = source.load(Split.TRAIN);
        LabelledImages test = source.load(Split.TEST);
        assertThat(train.size()).isEqualTo(5);
        assertThat(train.width()).isEqualTo(4);
        assertThat(train.height()).isEqualTo(3);
        assertThat(train.label(3)).isEqualTo(9);
        assertThat(test.labelHistogram()).containsExactly(0, 1, 0, 0, 0, 0, 0, 2, 0, 0);
        assertThat(source.describe()).isEqualTo("mnist (" + dir + ")");
    }

    @Test
    void image_and_label_counts_that_differ_name_both_files() {
        IdxWriter.mnistLayout(dir, false);
        IdxWriter.write(dir.resolve("t10k-labels-idx1-ubyte"), IdxWriter.labels(1, 2));
        assertThatThrownBy(() -> IdxDatasetSource.mnist(dir).load(Split.TEST))
                .isInstanceOf(DatasetException.class)
                .hasMessage(dir.resolve("t10k-images-idx3-ubyte") + " holds 3 images but "
                        + dir.resolve("t10k-labels-idx1-ubyte") + " holds 2 labels");
    }

    @Test
    void labels_outside_the_class_range_name_the_file_and_image() {
        IdxWriter.mnistLayout(dir, false);
        IdxWriter.write(dir.resolve("t10k-labels-idx1-ubyte"), IdxWriter.labels(1, 10, 2));
        assertThatThrownBy(() -> IdxDatasetSource.mnist(dir).load(Split.TEST))
                .hasMessage(dir.resolve("t10k-labels-idx1-ubyte") + ": label 10 of image 1 is outside the 10 classes 0..9");
    }

    @Test
    void a_missing_file_names_both_accepted_names() {
        assertThatThrownBy(() -> IdxDatasetSource.mnist(dir).load(Split.TRAIN))
                .hasMessage(dir.resolve("train-images-idx3-ubyte") + ": file not found (nor train-images-idx3-ubyte.gz)");
    }

    @Test
    void fashion_mnist_carries_its_class_names() {
        LabelledImages train = IdxDatasetSource.fashionMnist(IdxWriter.mnistLayout(dir, true)).load(Split.TRAIN);
        assertThat(train.classNames()).startsWith("T-shirt/top", "Trouser").endsWith("Ankle boot");
    }
}

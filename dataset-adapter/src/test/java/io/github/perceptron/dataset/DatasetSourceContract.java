package io.github.perceptron.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.perceptron.core.data.DatasetSource;
import io.github.perceptron.core.data.LabelledImages;
import io.github.perceptron.core.data.Split;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every {@link DatasetSource} promises, run against each adapter with the same small dataset. */
abstract class DatasetSourceContract {

    /** Six training images labelled 0, 1, 2, 9, 4, 7 and three test images labelled 7, 7, 1, all 28×28. */
    static final int[] TRAIN_LABELS = {0, 1, 2, 9, 4, 7};
    static final int[] TEST_LABELS = {7, 7, 1};

    @TempDir
    Path dir;

    /** A source over the dataset above, written into {@code directory} in the adapter's format. */
    abstract DatasetSource source(Path directory) throws Exception;

    @Test
    void both_splits_load_with_their_labels() throws Exception {
        DatasetSource source = source(dir);
        assertThat(labelNames(source.load(Split.TRAIN))).containsExactlyInAnyOrder("0", "1", "2", "9", "4", "7");
        assertThat(labelNames(source.load(Split.TEST))).containsExactlyInAnyOrder("7", "7", "1");
    }

    private static java.util.List<String> labelNames(LabelledImages images) {
        java.util.List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            names.add(images.classNames().get(images.label(i)));
        }
        return names;
    }

    @Test
    void images_are_28_by_28_and_both_splits_share_class_names() throws Exception {
        DatasetSource source = source(dir);
        LabelledImages train = source.load(Split.TRAIN);
        assertThat(train.width()).isEqualTo(28);
        assertThat(train.height()).isEqualTo(28);
        assertThat(source.load(Split.TEST).classNames()).isEqualTo(train.classNames());
    }

    @Test
    void the_brightest_pixel_of_the_drawn_stroke_is_ink() throws Exception {
        LabelledImages train = source(dir).load(Split.TRAIN);
        // Every image is a vertical stroke in columns 12..15, rows 4..23, on a blank background.
        assertThat(train.pixel(0, 14 * 28 + 13)).isGreaterThan(200);
        assertThat(train.pixel(0, 2 * 28 + 2)).isLessThan(30);
    }

    @Test
    void describe_names_the_source() throws Exception {
        assertThat(source(dir).describe()).contains(dir.toString());
    }

    /** Pixel {@code p} of the stroke image. */
    static int strokePixel(int p) {
        int x = p % 28;
        int y = p / 28;
        return x >= 12 && x <= 15 && y >= 4 && y <= 23 ? 255 : 0;
    }
}

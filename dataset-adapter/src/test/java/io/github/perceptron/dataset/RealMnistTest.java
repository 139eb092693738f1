package io.github.perceptron.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.perceptron.core.data.LabelledImages;
import io.github.perceptron.core.data.Split;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Reads the real MNIST files from the cache ({@code $PERCEPTRON_DATA/mnist} or
 * {@code ~/.cache/perceptron/mnist}); skipped when they have not been fetched. CI fetches first.
 */
class RealMnistTest {

    @Test
    void real_mnist_has_the_published_counts_histograms_and_pixel_sum() {
        Path directory = DatasetFetcher.defaultDirectory(KnownDataset.MNIST, System.getenv());
        assumeTrue(DatasetFetcher.isComplete(KnownDataset.MNIST, directory),
                "MNIST is not in " + directory + "; run `./perceptron fetch` to include this test");
        IdxDatasetSource source = KnownDataset.MNIST.in(directory);
        LabelledImages train = source.load(Split.TRAIN);
        LabelledImages test = source.load(Split.TEST);
        assertThat(train.size()).isEqualTo(60_000);
        assertThat(test.size()).isEqualTo(10_000);
        assertThat(train.width()).isEqualTo(28);
        assertThat(train.labelHistogram()).containsExactly(5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949);
        assertThat(test.labelHistogram()).containsExactly(980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009);
        assertThat(train.label(0)).isEqualTo(5);
        long firstImageSum = 0;
        for (int p = 0; p < train.pixelCount(); p++) {
            firstImageSum += train.pixel(0, p);
        }
        assertThat(firstImageSum).isEqualTo(27_525);
    }
}

package io.github.perceptron.serving;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The image size limit follows the heap, so that the decodes allowed at once cannot exhaust it. */
class ServerSettingsTest {

    @Test
    void a_large_heap_reads_16_megapixel_images_and_a_small_one_fewer() {
        assertThat(ServerSettings.imagePixelsFor(6L << 30, 2)).isEqualTo(16L << 20);
        // 256 MB and 2 decodes at once: a quarter of the heap is 64 MB, 32 MB each, 10 bytes a pixel.
        assertThat(ServerSettings.imagePixelsFor(256L << 20, 2)).isEqualTo((256L << 20) / 4 / 20);
        assertThat(ServerSettings.imagePixelsFor(64L << 20, 64)).as("never below a megapixel").isEqualTo(1L << 20);
    }
}

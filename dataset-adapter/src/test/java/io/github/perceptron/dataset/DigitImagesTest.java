package io.github.perceptron.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.perceptron.core.data.DatasetException;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Photos and scans become MNIST-like: bright ink, cropped, in a 20×20 box, centred by mass. */
class DigitImagesTest {

    @TempDir
    Path dir;

    @Test
    void a_dark_digit_off_centre_on_light_paper_comes_out_bright_boxed_and_centred() throws Exception {
        BufferedImage photo = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = photo.createGraphics();
        g.setColor(new Color(235, 230, 220));
        g.fillRect(0, 0, 300, 200);
        g.setColor(new Color(30, 30, 40));
        g.fillRect(20, 20, 16, 90);   // a tall stroke near the top-left corner
        g.dispose();
        Path file = dir.resolve("photo.jpg");
        ImageIO.write(photo, "jpg", file.toFile());

        float[] digit = DigitImages.read(file, 28, 28);

        double mass = 0;
        double sumX = 0;
        double sumY = 0;
        int top = 28;
        int bottom = -1;
        for (int p = 0; p < digit.length; p++) {
            assertThat(digit[p]).isBetween(0f, 1f);
            mass += digit[p];
            sumX += digit[p] * (p % 28);
            sumY += digit[p] * (p / 28);
            if (digit[p] > 0.5f) {
                top = Math.min(top, p / 28);
                bottom = Math.max(bottom, p / 28);
            }
        }
        assertThat(sumX / mass).isCloseTo(13.5, within(1.0));
        assertThat(sumY / mass).isCloseTo(13.5, within(1.0));
        assertThat(bottom - top + 1).isBetween(18, 20);
        assertThat(digit[0]).isLessThan(0.05f);
    }

    /** Found by the fuzzer: decoding took 3.7 s and a 1.6 GB raster before the size check. */
    @Test
    void a_tiny_file_declaring_an_enormous_image_is_refused_before_decoding() throws Exception {
        Path liar = dir.resolve("liar.png");
        try (var in = getClass().getResourceAsStream("/fuzz/png-claiming-33554444x12.png")) {
            java.nio.file.Files.write(liar, in.readAllBytes());
        }
        long start = System.nanoTime();
        assertThatThrownBy(() -> DigitImages.read(liar, 28, 28)).isInstanceOf(DatasetException.class)
                .hasMessage(liar + ": the image declares 33554444×12 pixels; at most 16 megapixels are read");
        assertThat(System.nanoTime() - start).isLessThan(500_000_000L);
    }

    @Test
    void blank_pages_and_non_images_are_refused_by_name() throws Exception {
        BufferedImage blank = new BufferedImage(50, 50, BufferedImage.TYPE_INT_RGB);
        Path file = dir.resolve("blank.png");
        ImageIO.write(blank, "png", file.toFile());
        assertThatThrownBy(() -> DigitImages.read(file, 28, 28)).isInstanceOf(DatasetException.class)
                .hasMessage(file + ": no digit found (the image is blank)");
        assertThatThrownBy(() -> DigitImages.read(dir.resolve("none.png"), 28, 28))
                .hasMessage(dir.resolve("none.png") + ": file not found");
    }

    /** A BMP cut off in its pixel rows: ImageIO fails with a message-less EOFException ("... image: null" before). */
    @Test
    void a_truncated_bmp_is_refused_in_words_not_null() throws Exception {
        BufferedImage digit = new BufferedImage(40, 40, BufferedImage.TYPE_3BYTE_BGR);
        digit.getGraphics().fillRect(10, 10, 20, 20);
        java.io.ByteArrayOutputStream whole = new java.io.ByteArrayOutputStream();
        ImageIO.write(digit, "bmp", whole);
        Path file = dir.resolve("cut.bmp");
        java.nio.file.Files.write(file, java.util.Arrays.copyOf(whole.toByteArray(), whole.size() / 2));
        assertThatThrownBy(() -> DigitImages.read(file, 28, 28)).isInstanceOf(DatasetException.class)
                .hasMessage(file + ": cannot read the image: the file ends before its image data does (cut short)");
    }

    /** 136 bytes claiming an embedded PNG of 2 GB: refused from the header, at once (ImageIO allocated it before). */
    @Test
    void a_bmp_declaring_an_embedded_png_is_refused_before_anything_is_allocated() throws Exception {
        java.io.ByteArrayOutputStream bmp = new java.io.ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_3BYTE_BGR), "bmp", bmp);
        byte[] bytes = bmp.toByteArray();
        java.nio.ByteBuffer header = java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        header.putInt(30, 5);               // biCompression: BI_PNG
        header.putInt(34, Integer.MAX_VALUE); // biSizeImage
        Path file = dir.resolve("bomb.bmp");
        java.nio.file.Files.write(file, bytes);
        long start = System.nanoTime();
        assertThatThrownBy(() -> DigitImages.read(file, 28, 28)).isInstanceOf(DatasetException.class)
                .hasMessage(file + ": a BMP carrying an embedded PNG; send the JPEG or PNG itself");
        assertThat(System.nanoTime() - start).isLessThan(1_000_000_000L);
    }

    @Test
    void a_tiff_is_refused_though_imageio_reads_it() throws Exception {
        BufferedImage digit = new BufferedImage(20, 20, BufferedImage.TYPE_BYTE_GRAY);
        digit.getGraphics().fillRect(5, 5, 10, 10);
        Path file = dir.resolve("digit.tif");
        assertThat(ImageIO.write(digit, "tiff", file.toFile())).isTrue();
        assertThatThrownBy(() -> DigitImages.read(file, 28, 28)).isInstanceOf(DatasetException.class)
                .hasMessage(file + ": a TIFF image; this tool reads PNG, JPEG, GIF or BMP");
    }

    /** A JPEG cut short decoded with its missing rows grey, and gave a confident answer, before. */
    @Test
    void a_jpeg_cut_short_is_refused_not_filled_grey() throws Exception {
        BufferedImage digit = new BufferedImage(200, 200, BufferedImage.TYPE_BYTE_GRAY);
        java.util.Random noise = new java.util.Random(3);
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 200; x++) {
                digit.getRaster().setSample(x, y, 0, noise.nextInt(256));
            }
        }
        java.io.ByteArrayOutputStream whole = new java.io.ByteArrayOutputStream();
        ImageIO.write(digit, "jpeg", whole);
        Path file = dir.resolve("cut.jpg");
        java.nio.file.Files.write(file, java.util.Arrays.copyOf(whole.toByteArray(), whole.size() * 6 / 10));
        assertThatThrownBy(() -> DigitImages.read(file, 28, 28)).isInstanceOf(DatasetException.class)
                .hasMessageStartingWith(file + ": the image is cut short or damaged (");
    }

    /**
     * Found by fuzzing: a 1.5 KB damaged JPEG warns on every block; collecting the warnings took
     * 1.9 GB of allocation and most of a second. The first warning now refuses it.
     */
    @Test
    void a_jpeg_that_warns_on_every_block_is_refused_at_the_first_warning() throws Exception {
        byte[] jpeg;
        try (var in = getClass().getResourceAsStream("/fuzz/jpeg-warning-on-every-block.jpg")) {
            jpeg = in.readAllBytes();
        }
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
        assertThatThrownBy(() -> DigitImages.decode(jpeg, "upload", 1 << 20, 28, 28)).isInstanceOf(DatasetException.class)
                .hasMessageStartingWith("upload: the image is cut short or damaged (Corrupt JPEG data");
        long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        assertThat(allocated).as("bytes allocated by the decode").isLessThan(64L << 20);
    }

    /** A decode past its deadline is aborted and refused, whatever made it slow. */
    @Test
    void a_decode_past_its_deadline_is_aborted_and_refused() throws Exception {
        BufferedImage large = new BufferedImage(3000, 3000, BufferedImage.TYPE_INT_RGB);
        java.util.Random noise = new java.util.Random(4);
        for (int y = 0; y < 3000; y += 7) {
            for (int x = 0; x < 3000; x += 5) {
                large.setRGB(x, y, noise.nextInt());
            }
        }
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        ImageIO.write(large, "png", png);
        long start = System.nanoTime();
        try (javax.imageio.stream.ImageInputStream in = ImageIO.createImageInputStream(
                new java.io.ByteArrayInputStream(png.toByteArray()))) {
            assertThatThrownBy(() -> ImageFiles.decode(in, "slow.png", ImageFiles.MAX_PIXELS, java.time.Duration.ofMillis(5)))
                    .isInstanceOf(DatasetException.class)
                    .hasMessageStartingWith("slow.png: decoding took longer than 0.0 s");
        }
        assertThat(System.nanoTime() - start).as("aborted, not decoded to the end").isLessThan(5_000_000_000L);
    }
}

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
}

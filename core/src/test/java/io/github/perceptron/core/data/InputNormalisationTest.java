package io.github.perceptron.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Deskewing and width normalisation: what they do to the ink, and that bytes and floats give the same image. */
class InputNormalisationTest {

    private static final int SIDE = 28;

    @Test
    void names_read_back_as_the_same_normalisation() {
        for (InputNormalisation normalisation : List.of(InputNormalisation.NONE, InputNormalisation.DESKEW,
                InputNormalisation.width(16), InputNormalisation.width(2))) {
            assertThat(InputNormalisation.parse(normalisation.id())).isEqualTo(normalisation);
        }
        assertThat(InputNormalisation.parse(" Width12 ")).isEqualTo(InputNormalisation.width(12));
    }

    @Test
    void a_name_it_does_not_know_is_refused_with_what_it_takes() {
        for (String bad : List.of("skew", "width", "width-3", "width99999", "width1x", "")) {
            assertThatThrownBy(() -> InputNormalisation.parse(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("none, deskew or widthN");
        }
        assertThatThrownBy(() -> InputNormalisation.parse("width1"))
                .hasMessage("'width1' is not a normalisation: widthN takes N = 2..1024 pixels, as width16");
        assertThatThrownBy(() -> InputNormalisation.width(1)).hasMessageContaining("2 to 1024 pixels, was 1");
        assertThatThrownBy(() -> new InputNormalisation(InputNormalisation.Kind.DESKEW, 3))
                .hasMessageContaining("deskew takes no width");
    }

    @Test
    void deskewing_stands_a_slanted_stroke_upright_at_the_centre() {
        // A stroke leaning right by one column every two rows, off-centre.
        byte[] slanted = new byte[SIDE * SIDE];
        for (int r = 4; r < 24; r++) {
            for (int w = 0; w < 3; w++) {
                slanted[r * SIDE + 4 + r / 2 + w] = (byte) 255;
            }
        }
        assertThat(Math.abs(skew(slanted))).isGreaterThan(0.4);

        byte[] upright = new byte[slanted.length];
        InputNormalisation.DESKEW.apply(slanted, 0, upright, 0, SIDE, SIDE);

        assertThat(skew(upright)).isCloseTo(0, within(0.02));
        double[] centre = centre(upright);
        assertThat(centre[0]).isCloseTo(13.5, within(0.3));
        assertThat(centre[1]).isCloseTo(13.5, within(0.3));
    }

    @Test
    void width_normalisation_stretches_the_ink_to_its_width_and_keeps_its_height() {
        // A narrow bar, 4 columns by 16 rows, at the left.
        byte[] bar = new byte[SIDE * SIDE];
        for (int r = 6; r < 22; r++) {
            for (int c = 2; c < 6; c++) {
                bar[r * SIDE + c] = (byte) 200;
            }
        }
        for (int width : new int[] {8, 16, 20}) {
            byte[] stretched = new byte[bar.length];
            InputNormalisation.width(width).apply(bar, 0, stretched, 0, SIDE, SIDE);
            // Resampled, the bar's edges become ramps: its width is where they cross half its ink (100 of 200).
            int[] box = inkBox(stretched, 100);
            assertThat(box[3] - box[2] + 1).as("width for %d", width).isBetween(width - 1, width + 1);
            assertThat(box[1] - box[0] + 1).as("height for %d", width).isBetween(15, 17);
            assertThat(centre(stretched)[1]).isCloseTo(13.5, within(0.5));
        }
    }

    @Test
    void an_image_without_ink_stays_blank() {
        byte[] blank = new byte[SIDE * SIDE];
        for (InputNormalisation normalisation : List.of(InputNormalisation.DESKEW, InputNormalisation.width(14))) {
            byte[] out = new byte[blank.length];
            out[5] = 9;
            normalisation.apply(blank, 0, out, 0, SIDE, SIDE);
            assertThat(out).containsOnly((byte) 0);
        }
    }

    @Test
    void floats_read_from_bytes_are_normalised_to_exactly_the_bytes_training_sees() {
        LabelledImages digits = SyntheticImages.strokes(40);
        for (InputNormalisation normalisation : List.of(InputNormalisation.DESKEW, InputNormalisation.width(12))) {
            LabelledImages normalised = normalisation.apply(digits);
            assertThat(normalised.size()).isEqualTo(digits.size());
            for (int i = 0; i < digits.size(); i++) {
                float[] pixels = new float[digits.pixelCount()];
                digits.copyScaled(i, pixels, 0);
                float[] expected = new float[digits.pixelCount()];
                normalised.copyScaled(i, expected, 0);
                assertThat(normalisation.apply(pixels, SIDE, SIDE)).containsExactly(expected);
                assertThat(normalised.label(i)).isEqualTo(digits.label(i));
            }
        }
    }

    @Test
    void none_hands_the_images_back_untouched() {
        LabelledImages digits = SyntheticImages.strokes(3);
        assertThat(InputNormalisation.NONE.apply(digits)).isSameAs(digits);
        float[] pixels = {0.5f, 0.25f};
        assertThat(InputNormalisation.NONE.apply(pixels, 2, 1)).containsExactly(0.5f, 0.25f).isNotSameAs(pixels);
    }

    /** Row-column covariance over row variance of the ink: the shear deskewing removes. */
    private static double skew(byte[] image) {
        double[] centre = centre(image);
        double variance = 0;
        double covariance = 0;
        for (int r = 0; r < SIDE; r++) {
            for (int c = 0; c < SIDE; c++) {
                double v = image[r * SIDE + c] & 0xff;
                variance += v * (r - centre[0]) * (r - centre[0]);
                covariance += v * (r - centre[0]) * (c - centre[1]);
            }
        }
        return covariance / variance;
    }

    private static double[] centre(byte[] image) {
        double mass = 0;
        double rows = 0;
        double columns = 0;
        for (int r = 0; r < SIDE; r++) {
            for (int c = 0; c < SIDE; c++) {
                double v = image[r * SIDE + c] & 0xff;
                mass += v;
                rows += v * r;
                columns += v * c;
            }
        }
        return new double[] {rows / mass, columns / mass};
    }

    /** {top, bottom, left, right} of the pixels of at least {@code threshold}. */
    private static int[] inkBox(byte[] image, int threshold) {
        int[] box = {SIDE, -1, SIDE, -1};
        for (int r = 0; r < SIDE; r++) {
            for (int c = 0; c < SIDE; c++) {
                if ((image[r * SIDE + c] & 0xff) >= threshold) {
                    box[0] = Math.min(box[0], r);
                    box[1] = Math.max(box[1], r);
                    box[2] = Math.min(box[2], c);
                    box[3] = Math.max(box[3], c);
                }
            }
        }
        return box;
    }

    /** Random 28×28 strokes of ink: lines at random slants and places, a few per image. */
    private static final class SyntheticImages {
        static LabelledImages strokes(int count) {
            java.util.Random random = new java.util.Random(7);
            byte[] pixels = new byte[count * SIDE * SIDE];
            int[] labels = new int[count];
            for (int i = 0; i < count; i++) {
                labels[i] = i % 2;
                for (int stroke = 0; stroke < 3; stroke++) {
                    double r = 5 + random.nextInt(18);
                    double c = 5 + random.nextInt(18);
                    double dr = random.nextGaussian();
                    double dc = random.nextGaussian();
                    for (int step = 0; step < 12; step++) {
                        int rr = (int) (r + dr * step * 0.6);
                        int cc = (int) (c + dc * step * 0.6);
                        if (rr >= 0 && rr < SIDE && cc >= 0 && cc < SIDE) {
                            pixels[i * SIDE * SIDE + rr * SIDE + cc] = (byte) (100 + random.nextInt(156));
                        }
                    }
                }
            }
            return LabelledImages.handOver(pixels, labels, SIDE, SIDE, List.of("a", "b"));
        }
    }
}

package io.github.perceptron.core.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.perceptron.core.layer.Activation;
import io.github.perceptron.core.random.SeededRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** dL/dz of each loss against central differences of its mean loss; bound 1e-2 relative (h = 1e-2, float32). */
class LossGradientTest {

    private static final int ROWS = 3;
    private static final int CLASSES = 4;
    private static final int[] LABELS = {2, 0, 3};

    static Stream<Loss> losses() {
        return Stream.of(Loss.crossEntropy(), Loss.crossEntropy(0.1), Loss.crossEntropy(0.5),
                Loss.meanSquaredError(Activation.SIGMOID),
                Loss.meanSquaredError(Activation.TANH), Loss.meanSquaredError(Activation.IDENTITY));
    }

    @ParameterizedTest
    @MethodSource("losses")
    void gradient_of_the_mean_loss_matches_central_differences(Loss loss) {
        float[] z = logits();
        float[] gradient = new float[z.length];
        loss.evaluate(z.clone(), LABELS, ROWS, CLASSES, gradient);
        float h = 1e-2f;
        for (int i = 0; i < z.length; i++) {
            float[] plus = z.clone();
            plus[i] += h;
            float[] minus = z.clone();
            minus[i] -= h;
            double numeric = (loss.evaluate(plus, LABELS, ROWS, CLASSES, null)
                    - loss.evaluate(minus, LABELS, ROWS, CLASSES, null)) / ROWS / (2 * h);
            double scale = Math.max(Math.max(Math.abs(numeric), Math.abs(gradient[i])), 1e-3);
            assertThat(Math.abs(gradient[i] - numeric) / scale).as("%s dz[%d]", loss, i).isLessThan(1e-2);
        }
    }

    @Test
    void cross_entropy_gradient_is_probabilities_minus_one_hot_over_rows() {
        float[] z = {0f, 0f, 0f, 0f};
        float[] gradient = new float[4];
        double loss = Loss.crossEntropy().evaluate(z, new int[] {1}, 1, 4, gradient);
        assertThat(loss).isCloseTo(Math.log(4), within(1e-9));
        assertThat(gradient).containsExactly(0.25f, -0.75f, 0.25f, 0.25f);
        assertThat(z).containsExactly(0.25f, 0.25f, 0.25f, 0.25f);
    }

    @Test
    void smoothed_cross_entropy_is_the_cross_entropy_of_the_smoothed_target_and_its_gradient_p_minus_q() {
        float[] z = {1f, -2f, 0.5f, 3f};
        float[] probabilities = z.clone();
        Activation.softmaxRow(probabilities, 0, 4);
        float[] gradient = new float[4];
        double loss = Loss.crossEntropy(0.2).evaluate(z, new int[] {2}, 1, 4, gradient);
        double expected = 0;
        for (int j = 0; j < 4; j++) {
            double target = (j == 2 ? 0.8 : 0) + 0.2 / 4;
            expected -= target * Math.log(probabilities[j]);
            assertThat(gradient[j]).as("dz[%d]", j).isCloseTo((float) (probabilities[j] - target), within(1e-6f));
        }
        assertThat(loss).isCloseTo(expected, within(1e-6));
        assertThat(z).as("outputs are the plain probabilities").containsExactly(probabilities);
    }

    @Test
    void smoothing_stays_finite_for_huge_logits_where_a_probability_underflows() {
        float[] z = {1e4f, -1e4f, 0f};
        double loss = Loss.crossEntropy(0.3).evaluate(z, new int[] {0}, 1, 3, new float[3]);
        assertThat(loss).isCloseTo(0.1 * 2e4 + 0.1 * 1e4, within(1e-2));
        assertThat(Loss.crossEntropy(0)).isSameAs(Loss.crossEntropy());
    }

    @Test
    void cross_entropy_stays_finite_for_huge_logits() {
        float[] z = {1e4f, -1e4f, 0f};
        double loss = Loss.crossEntropy().evaluate(z, new int[] {1}, 1, 3, new float[3]);
        assertThat(loss).isCloseTo(2e4, within(1e-6));
    }

    /** Threads each take a range of rows: any split must give the whole batch's bits. */
    @ParameterizedTest
    @MethodSource("losses")
    void rows_evaluated_in_ranges_give_the_same_bits_as_the_whole_batch(Loss loss) {
        float[] whole = logits();
        float[] wholeGradient = new float[whole.length];
        double[] wholeLosses = new double[ROWS];
        loss.evaluateRows(whole, LABELS, 0, ROWS, ROWS, CLASSES, wholeGradient, wholeLosses);
        float[] split = logits();
        float[] splitGradient = new float[split.length];
        double[] splitLosses = new double[ROWS];
        loss.evaluateRows(split, LABELS, 2, 3, ROWS, CLASSES, splitGradient, splitLosses);
        loss.evaluateRows(split, LABELS, 0, 2, ROWS, CLASSES, splitGradient, splitLosses);
        assertThat(split).isEqualTo(whole);
        assertThat(splitGradient).isEqualTo(wholeGradient);
        assertThat(splitLosses).isEqualTo(wholeLosses);
        assertThat(loss.evaluate(logits(), LABELS, ROWS, CLASSES, null))
                .isEqualTo(wholeLosses[0] + wholeLosses[1] + wholeLosses[2]);
    }

    private static float[] logits() {
        SeededRandom random = new SeededRandom(5);
        float[] z = new float[ROWS * CLASSES];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) random.nextGaussian();
        }
        return z;
    }
}

package io.github.perceptron.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationTest {

    // actual × predicted: 3 "a" (2 right), 2 "b" (1 right), 1 "c" (right, and one "a" called "c")
    private final Evaluation evaluation = new Evaluation(0.5, new int[][] {{2, 0, 1}, {1, 1, 0}, {0, 0, 1}},
            List.of("a", "b", "c"));

    @Test
    void accuracy_is_the_diagonal_over_the_total() {
        assertThat(evaluation.count()).isEqualTo(6);
        assertThat(evaluation.accuracy()).isCloseTo(4.0 / 6, within(1e-12));
    }

    @Test
    void precision_reads_columns_and_recall_reads_rows() {
        assertThat(evaluation.precision(0)).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(evaluation.recall(0)).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(evaluation.precision(2)).isCloseTo(0.5, within(1e-12));
        assertThat(evaluation.recall(1)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void the_confusion_matrix_cannot_be_changed_from_outside() {
        evaluation.confusion()[0][0] = 100;
        assertThat(evaluation.accuracy()).isCloseTo(4.0 / 6, within(1e-12));
    }
}

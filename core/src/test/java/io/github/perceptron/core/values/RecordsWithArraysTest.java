package io.github.perceptron.core.values;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.perceptron.core.checkpoint.BestEpoch;
import io.github.perceptron.core.checkpoint.TrainerState;
import io.github.perceptron.core.data.LabelledImages;
import io.github.perceptron.core.data.ValidationSplit;
import io.github.perceptron.core.eval.Evaluation;
import io.github.perceptron.core.model.Prediction;
import io.github.perceptron.core.parallel.ShardLayout;
import io.github.perceptron.core.testing.SyntheticImages;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Records with array components compare, hash and print by content (an embedder found two
 * predictions of one image unequal, and {@code probabilities=[F@5fdba6f9} in a log).
 */
class RecordsWithArraysTest {

    /** Two separately made equal values are equal, hash alike and print their contents alike; a changed one differs. */
    private static void behavesAsAValue(Supplier<Object> make, Object different, String... shown) {
        Object one = make.get();
        Object two = make.get();
        assertThat(one).isEqualTo(two).hasSameHashCodeAs(two).isNotEqualTo(different);
        assertThat(one.toString()).isEqualTo(two.toString()).doesNotContain("[F@", "[I@", "[[I@").contains(shown);
    }

    @Test
    void predictions() {
        behavesAsAValue(() -> new Prediction(1, "1", new float[] {0.25f, 0.75f}),
                new Prediction(1, "1", new float[] {0.25f, 0.7f}), "probabilities=[0.25, 0.75]");
    }

    @Test
    void evaluations() {
        behavesAsAValue(() -> new Evaluation(0.5, new int[][] {{3, 1}, {0, 4}}, List.of("a", "b")),
                new Evaluation(0.5, new int[][] {{3, 1}, {1, 3}}, List.of("a", "b")),
                "confusion=[[3, 1], [0, 4]]", "accuracy=0.875");
    }

    @Test
    void a_long_array_prints_as_its_first_values_and_its_length() {
        float[] probabilities = new float[784];
        probabilities[0] = 1;
        assertThat(new Prediction(0, "0", probabilities).toString())
                .contains("[1.0, 0.0,").contains("… (784 values)]").hasSizeLessThan(200);
        assertThat(ArrayValues.text(new int[40][40])).isEqualTo("[40×40 values]");
    }

    @Test
    void holdouts() {
        LabelledImages train = SyntheticImages.blobs(30, 4, 4, 3, 1);
        LabelledImages validation = SyntheticImages.blobs(10, 4, 4, 3, 2);
        ValidationSplit split = ValidationSplit.stratified(10, 1);
        behavesAsAValue(() -> new ValidationSplit.Holdout(train, validation, new int[] {3, 3, 4}, split),
                new ValidationSplit.Holdout(train, validation, new int[] {4, 3, 3}, split), "perClass=[3, 3, 4]",
                "validation=10 images");
    }

    @Test
    void shard_layouts() {
        behavesAsAValue(() -> new ShardLayout(new int[] {5, 5}, new int[] {4, 6}, 4, 4, List.of("a", "b"), "sha256:00"),
                new ShardLayout(new int[] {6, 4}, new int[] {4, 6}, 4, 4, List.of("a", "b"), "sha256:00"),
                "sizes=[5, 5]");
    }

    @Test
    void trainer_states_and_best_epochs_print_shapes_not_millions_of_values() {
        behavesAsAValue(() -> new TrainerState(List.of(new float[] {1, 2, 3}), List.<float[][]>of(new float[][] {{0, 0, 0}}), 7, 9,
                        new int[] {1, 0}),
                new TrainerState(List.of(new float[] {1, 2, 4}), List.<float[][]>of(new float[][] {{0, 0, 0}}), 7, 9, new int[] {1, 0}),
                "weights=[3 floats]", "optimizerState=[[3]]", "order=2 examples");
        behavesAsAValue(() -> new BestEpoch(3, 0.9, 1, List.of(new float[] {1, 2})),
                new BestEpoch(3, 0.9, 1, List.of(new float[] {1, 3})), "weights=[2 floats]");
    }
}

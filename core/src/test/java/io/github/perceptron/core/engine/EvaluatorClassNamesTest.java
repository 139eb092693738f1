package io.github.perceptron.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.perceptron.core.data.LabelledImages;
import io.github.perceptron.core.engine.Evaluator;
import io.github.perceptron.core.engine.Network;
import io.github.perceptron.core.eval.Evaluation;
import io.github.perceptron.core.layer.Activation;
import io.github.perceptron.core.loss.Loss;
import io.github.perceptron.core.network.NetworkSpec;
import io.github.perceptron.core.random.SeededRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Per-class results cover every class the network can predict, not only those the data holds. */
class EvaluatorClassNamesTest {

    private final Network network = Network.create(
            NetworkSpec.of(List.of(4, 3, 3), Activation.RELU, Loss.crossEntropy(), 0, null), new SeededRandom(1), 1);
    private final LabelledImages twoClasses = new LabelledImages(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, new int[] {0, 1},
            2, 2, List.of("cat", "dog"));

    @Test
    void the_network_names_the_classes_when_given() {
        Evaluation evaluation = Evaluator.evaluate(network, twoClasses, List.of("cat", "dog", "bird"));
        assertThat(evaluation.classNames()).containsExactly("cat", "dog", "bird");
        assertThat(evaluation.confusion()).hasDimensions(3, 3);
        assertThat(evaluation.count()).isEqualTo(2);
    }

    @Test
    void a_class_the_data_never_names_is_called_by_its_index() {
        Evaluation evaluation = Evaluator.evaluate(network, twoClasses);
        assertThat(evaluation.classNames()).containsExactly("cat", "dog", "2");
        assertThat(evaluation.confusion()).hasDimensions(3, 3);
    }
}

package io.github.perceptron.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.perceptron.core.engine.Network;
import io.github.perceptron.core.layer.Activation;
import io.github.perceptron.core.loss.Loss;
import io.github.perceptron.core.network.NetworkSpec;
import io.github.perceptron.core.random.SeededRandom;
import io.github.perceptron.core.testing.TinyModels;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A batch of images gets exactly the answers each image gets alone: a server may batch freely. */
class BatchPredictionTest {

    @Test
    void each_answer_in_a_batch_is_bit_identical_to_predicting_that_image_alone() {
        // 784 inputs and 100 units: the kernel's vector tiles and row blocks are all exercised,
        // and 150 rows span three of predictAll's passes.
        NetworkSpec spec = NetworkSpec.of(List.of(784, 100, 10), Activation.RELU,
                Loss.crossEntropy(), 0, null);
        Network network = Network.create(spec, new SeededRandom(3));
        Model model = new Model(network, 28, 28, IntStream.range(0, 10).mapToObj(Integer::toString).toList(),
                new ModelMetadata("x", 3, 0, OptionalDouble.empty(), "test", Instant.EPOCH));
        SeededRandom random = new SeededRandom(4);
        List<float[]> images = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            float[] image = new float[784];
            for (int p = 0; p < image.length; p++) {
                image[p] = random.nextFloat() < 0.8f ? 0f : random.nextFloat();
            }
            images.add(image);
        }
        List<Prediction> batch = model.predictAll(images);
        assertThat(batch).hasSize(150);
        for (int i = 0; i < images.size(); i++) {
            Prediction alone = model.predict(images.get(i));
            assertThat(batch.get(i).label()).as("image %d", i).isEqualTo(alone.label());
            assertThat(Arrays.equals(batch.get(i).probabilities(), alone.probabilities())).as("image %d", i).isTrue();
        }
    }

    @Test
    void an_image_of_the_wrong_size_is_named() {
        Model model = TinyModels.trained();
        float[][] images = TinyModels.images(2);
        assertThatThrownBy(() -> model.predictAll(List.of(images[0], new float[63])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("image 1").hasMessageContaining("63");
    }
}

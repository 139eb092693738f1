package io.github.perceptron.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.perceptron.core.engine.Network;
import io.github.perceptron.core.layer.Activation;
import io.github.perceptron.core.loss.Loss;
import io.github.perceptron.core.network.NetworkSpec;
import io.github.perceptron.core.random.SeededRandom;
import io.github.perceptron.core.testing.SyntheticImages;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * One model predicts from many threads at once, without a lock, with the bits of one thread
 * (an embedder found predictions serialised behind {@code synchronized}: 51k/s on eight threads
 * against 35k/s on one).
 */
class ConcurrentPredictionTest {

    private static Model model() {
        NetworkSpec spec = NetworkSpec.of(List.of(784, 64, 10), Activation.RELU, Loss.crossEntropy(), 0, null);
        return new Model(Network.create(spec, new SeededRandom(5)), 28, 28,
                IntStream.range(0, 10).mapToObj(Integer::toString).toList(),
                new ModelMetadata("x", 5, 0, OptionalDouble.empty(), "test", Instant.EPOCH));
    }

    private static List<float[]> images(int count, long seed) {
        SeededRandom random = new SeededRandom(seed);
        List<float[]> images = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            float[] image = new float[784];
            for (int p = 0; p < image.length; p++) {
                image[p] = random.nextFloat() < 0.8f ? 0f : random.nextFloat();
            }
            images.add(image);
        }
        return images;
    }

    @Test
    void a_prediction_runs_while_another_thread_is_inside_the_model() throws Exception {
        Model model = model();
        float[] image = images(1, 1).get(0);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch otherDone = new CountDownLatch(1);
        AtomicInteger reads = new AtomicInteger();
        // A batch whose second read of its image (the copy into the network's buffer, inside the
        // model) waits until another thread's prediction has finished.
        List<float[]> stalling = new AbstractList<>() {
            @Override
            public float[] get(int index) {
                if (reads.incrementAndGet() == 2) {
                    inside.countDown();
                    try {
                        otherDone.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return image;
            }

            @Override
            public int size() {
                return 1;
            }
        };
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<List<Prediction>> stalled = threads.submit(() -> model.predictAll(stalling));
            assertThat(inside.await(60, TimeUnit.SECONDS)).isTrue();
            Future<Prediction> other = threads.submit(() -> model.predict(image));
            Prediction answer = other.get(60, TimeUnit.SECONDS);  // under a lock this waits for the stalled batch forever
            otherDone.countDown();
            assertThat(stalled.get(60, TimeUnit.SECONDS)).containsExactly(answer);
        } finally {
            otherDone.countDown();
            threads.shutdownNow();
        }
    }

    @Test
    void predictions_from_eight_threads_are_the_bits_of_one_thread() throws Exception {
        Model model = model();
        List<float[]> images = images(400, 2);
        List<Prediction> alone = images.stream().map(model::predict).toList();
        List<Prediction> batched = model.predictAll(images);
        var evaluation = model.evaluate(SyntheticImages.blobs(300, 28, 28, 10, 3));
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> same = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int first = t;
                same.add(threads.submit(() -> {
                    boolean equal = true;
                    for (int round = 0; round < 5; round++) {
                        for (int i = first; i < images.size(); i += 3) {
                            equal &= model.predict(images.get(i)).equals(alone.get(i));
                        }
                        equal &= model.predictAll(images).equals(batched);
                        equal &= model.evaluate(SyntheticImages.blobs(300, 28, 28, 10, 3)).equals(evaluation);
                    }
                    return equal;
                }));
            }
            for (Future<Boolean> result : same) {
                assertThat(result.get(120, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void a_model_with_new_metadata_predicts_alongside_the_original() throws Exception {
        Model model = model();
        Model renamed = model.withMetadata(new ModelMetadata("y", 5, 0, OptionalDouble.empty(), "test", Instant.EPOCH));
        List<float[]> images = images(200, 3);
        List<Prediction> expected = model.predictAll(images);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Prediction>>> answers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                Model one = t % 2 == 0 ? model : renamed;
                answers.add(threads.submit(() -> images.stream().map(one::predict).toList()));
            }
            for (Future<List<Prediction>> answer : answers) {
                assertThat(answer.get(60, TimeUnit.SECONDS)).isEqualTo(expected);
            }
        } finally {
            threads.shutdownNow();
        }
    }
}

package io.github.perceptron.benchmarks;

import io.github.perceptron.core.data.LabelledImages;
import io.github.perceptron.core.engine.Network;
import io.github.perceptron.core.layer.Activation;
import io.github.perceptron.core.loss.Loss;
import io.github.perceptron.core.model.Model;
import io.github.perceptron.core.model.ModelMetadata;
import io.github.perceptron.core.model.Prediction;
import io.github.perceptron.core.network.NetworkSpec;
import io.github.perceptron.core.random.SeededRandom;
import io.github.perceptron.core.values.PixelCheck;
import io.github.perceptron.dataset.SyntheticDigits;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Single-image predictions per second from one shared {@link Model}, as a service makes them, on
 * 1, 2 and 8 threads: each thread classifies its own images. {@code locked*} runs the same calls
 * behind one lock (what {@code synchronized predict} did before), {@code network} calls the engine
 * directly, without the model's pixel check and buffer pool, on one thread: {@code single} against
 * {@code network} bounds what the check and the pool cost; {@code pixelCheck} is the check alone.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class PredictionBenchmark {

    /** The model every thread shares. */
    @State(Scope.Benchmark)
    public static class Shared {
        @Param({"784,512,10"})
        public String layers;

        Model model;
        Network network;
        final Object lock = new Object();

        @Setup
        public void setUp() {
            List<Integer> sizes = java.util.Arrays.stream(layers.split(",")).map(Integer::valueOf).toList();
            NetworkSpec spec = NetworkSpec.of(sizes, Activation.RELU, Loss.crossEntropy(), 0, null);
            network = Network.create(spec, new SeededRandom(1));
            List<float[]> weights = network.parameters().stream().map(p -> p.values().clone()).toList();
            model = Model.restore(spec, weights, 28, 28, LabelledImages.numberedClasses(10),
                    new ModelMetadata("bench", 1, 0, OptionalDouble.empty(), "bench", Instant.EPOCH));
        }
    }

    /** Each thread's own 64 images, taken in turn. */
    @State(Scope.Thread)
    public static class Images {
        float[][] images;
        float[] probabilities = new float[10];
        int next;

        @Setup
        public void setUp() {
            LabelledImages digits = SyntheticDigits.generate(64, 28, 10, Thread.currentThread().getId());
            images = new float[64][784];
            for (int i = 0; i < 64; i++) {
                digits.copyScaled(i, images[i], 0);
            }
        }

        float[] take() {
            next = (next + 1) & 63;
            return images[next];
        }
    }

    @Benchmark
    @Threads(1)
    public Prediction single(Shared shared, Images images) {
        return shared.model.predict(images.take());
    }

    @Benchmark
    @Threads(2)
    public Prediction two(Shared shared, Images images) {
        return shared.model.predict(images.take());
    }

    @Benchmark
    @Threads(8)
    public Prediction eight(Shared shared, Images images) {
        return shared.model.predict(images.take());
    }

    @Benchmark
    @Threads(2)
    public Prediction lockedTwo(Shared shared, Images images) {
        synchronized (shared.lock) {
            return shared.model.predict(images.take());
        }
    }

    @Benchmark
    @Threads(1)
    public float[] pixelCheck(Images images) {
        float[] image = images.take();
        PixelCheck.check(image, 784, "");
        return image;
    }

    @Benchmark
    @Threads(1)
    public int network(Shared shared, Images images) {
        shared.network.predict(images.take(), 1, images.probabilities);
        return shared.network.predictedClass(0);
    }
}

package io.github.perceptron.benchmarks;

import io.github.perceptron.core.data.LabelledImages;
import io.github.perceptron.core.engine.Network;
import io.github.perceptron.core.layer.Activation;
import io.github.perceptron.core.loss.Loss;
import io.github.perceptron.core.model.Model;
import io.github.perceptron.core.model.ModelMetadata;
import io.github.perceptron.core.network.NetworkSpec;
import io.github.perceptron.core.random.SeededRandom;
import io.github.perceptron.dataset.SyntheticDigits;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The latency of a fresh JVM's first predictions, as a service that has just loaded a model sees
 * them: call 1, then the median of calls 2–10, 11–100, 101–1,000, 1,001–10,000 and 10,001–20,000.
 * With {@code warm} as first argument, {@link Model#warmUp()} runs first and its time is printed.
 * Run it in a new JVM each time: {@code java --add-modules jdk.incubator.vector -cp
 * benchmarks/target/benchmarks.jar io.github.perceptron.benchmarks.FirstPredictions [warm]}.
 */
public final class FirstPredictions {

    private static final int[] BUCKET_ENDS = {1, 10, 100, 1_000, 10_000, 20_000};

    private FirstPredictions() {
    }

    public static void main(String[] args) {
        boolean warm = args.length > 0 && args[0].equals("warm");
        long start = System.nanoTime();
        NetworkSpec spec = NetworkSpec.of(List.of(784, 512, 10), Activation.RELU, Loss.crossEntropy(), 0, null);
        List<float[]> weights = Network.create(spec, new SeededRandom(1)).parameters().stream()
                .map(p -> p.values().clone()).toList();
        Model model = Model.restore(spec, weights, 28, 28, LabelledImages.numberedClasses(10),
                new ModelMetadata("first", 1, 0, OptionalDouble.empty(), "bench", Instant.EPOCH));
        LabelledImages digits = SyntheticDigits.generate(256, 28, 10, 5);
        float[][] images = new float[256][784];
        for (int i = 0; i < images.length; i++) {
            digits.copyScaled(i, images[i], 0);
        }
        StringBuilder line = new StringBuilder(String.format("ready in %.1f ms", (System.nanoTime() - start) / 1e6));
        if (warm) {
            long before = System.nanoTime();
            model.warmUp();
            line.append(String.format("; warmUp %.1f ms", (System.nanoTime() - before) / 1e6));
        }
        long[] micros = new long[BUCKET_ENDS[BUCKET_ENDS.length - 1]];
        for (int call = 0; call < micros.length; call++) {
            long before = System.nanoTime();
            model.predict(images[call & 255]);
            micros[call] = (System.nanoTime() - before) / 1000;
        }
        int from = 0;
        for (int end : BUCKET_ENDS) {
            long[] bucket = Arrays.copyOfRange(micros, from, end);
            Arrays.sort(bucket);
            line.append(String.format("; calls %d-%d: %d µs", from + 1, end, bucket[bucket.length / 2]));
            from = end;
        }
        System.out.println(line);
    }
}

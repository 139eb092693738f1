package io.github.perceptron.benchmarks;

import io.github.perceptron.core.data.LabelledImages;
import io.github.perceptron.core.layer.Activation;
import io.github.perceptron.core.optim.OptimizerSpec;
import io.github.perceptron.core.train.Threads;
import io.github.perceptron.core.train.TrainingListener;
import io.github.perceptron.core.train.TrainingPlan;
import io.github.perceptron.core.trainer.TrainedNetwork;
import io.github.perceptron.core.trainer.Trainer;
import io.github.perceptron.dataset.SyntheticDigits;
import java.util.Arrays;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * One whole training epoch, as {@code perceptron bench} times it: 60,000 MNIST-shaped images,
 * batches of 100, ReLU, softmax + cross-entropy, momentum, shuffling, no evaluation. Each
 * invocation builds a fresh network (under a millisecond) and trains it for one epoch.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 7)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-XX:+UseParallelGC", "-Xmn32m"})
@State(Scope.Benchmark)
public class EpochBenchmark {

    @Param({"784,100,30,10", "784,30,10"})
    public String layers;

    @Param({"2", "1"})
    public int threads;

    private LabelledImages train;
    private TrainingPlan plan;

    @Setup
    public void setUp() {
        train = SyntheticDigits.generate(60_000, 28, 10, 1);
        plan = TrainingPlan.builder().layers(Arrays.stream(layers.split(",")).mapToInt(Integer::parseInt).toArray())
                .activation(Activation.RELU).optimizer(new OptimizerSpec.Momentum(0.01, 0.9))
                .epochs(1).batchSize(100).build();
    }

    @Benchmark
    public TrainedNetwork epoch() {
        return new Trainer(plan, new Threads(threads), new TrainingListener() { }).train(train, null);
    }
}

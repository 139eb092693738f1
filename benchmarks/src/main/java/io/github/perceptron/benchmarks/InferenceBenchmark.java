package io.github.perceptron.benchmarks;

import io.github.perceptron.core.data.LabelledImages;
import io.github.perceptron.core.engine.Evaluator;
import io.github.perceptron.core.engine.Network;
import io.github.perceptron.core.eval.Evaluation;
import io.github.perceptron.core.layer.Activation;
import io.github.perceptron.core.loss.Loss;
import io.github.perceptron.core.network.NetworkSpec;
import io.github.perceptron.core.random.SeededRandom;
import io.github.perceptron.dataset.SyntheticDigits;
import java.util.List;
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

/** Classifying the 10,000 test images with [784,100,30,10] as {@code evaluate} does: pixels scaled on the way, in batches. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Benchmark)
public class InferenceBenchmark {

    @Param({"2", "1"})
    public int threads;

    private LabelledImages test;
    private Network network;

    @Setup
    public void setUp() {
        test = SyntheticDigits.generate(10_000, 28, 10, 2);
        NetworkSpec spec = NetworkSpec.of(List.of(784, 100, 30, 10), Activation.RELU, Loss.crossEntropy(), 0, null);
        network = Network.create(spec, new SeededRandom(1), threads);
    }

    @Benchmark
    public Evaluation testSet() {
        return Evaluator.evaluate(network, test);
    }
}

package io.github.perceptron.benchmarks;

import io.github.perceptron.core.data.LabelledImages;
import io.github.perceptron.core.kernel.KernelChoice;
import io.github.perceptron.core.kernel.MatrixKernel;
import io.github.perceptron.core.random.SeededRandom;
import io.github.perceptron.dataset.SyntheticDigits;
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
 * The three products one dense layer needs per batch, at the shapes of MNIST training with
 * batches of 100: forward {@code x·W}, weight gradient {@code xᵀ·dz} and input gradient
 * {@code dz·Wᵀ}. {@code shape} is {@code in×out}; the input is MNIST-sparse when {@code in} is
 * 784 (the first layer sees pixels), dense otherwise. GFLOP/s = 2·100·in·out / time.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Thread)
public class ProductBenchmark {

    private static final int BATCH = 100;

    @Param({"784x100", "100x30", "30x10", "784x30", "784x800", "800x800"})
    public String shape;

    @Param({"vector", "portable"})
    public String kernel;

    @Param({"1", "2"})
    public int threads;

    private MatrixKernel products;
    private int in;
    private int out;
    private float[] x;
    private float[] weights;
    private float[] outputs;
    private float[] deltas;
    private float[] weightGradient;
    private float[] inputGradient;

    @Setup
    public void setUp() {
        System.setProperty("perceptron.kernel", kernel);
        products = KernelChoice.create(threads);
        String[] sizes = shape.split("x");
        in = Integer.parseInt(sizes[0]);
        out = Integer.parseInt(sizes[1]);
        SeededRandom random = new SeededRandom(1);
        x = in == 784 ? pixels() : gaussian(BATCH * in, random);
        weights = gaussian(in * out, random);
        deltas = gaussian(BATCH * out, random);
        outputs = new float[BATCH * out];
        weightGradient = new float[in * out];
        inputGradient = new float[BATCH * in];
    }

    @Benchmark
    public float[] forward() {
        products.multiply(x, weights, outputs, BATCH, in, out);
        return outputs;
    }

    @Benchmark
    public float[] weightGradient() {
        products.multiplyTransposedA(x, deltas, weightGradient, BATCH, in, out);
        return weightGradient;
    }

    @Benchmark
    public float[] inputGradient() {
        products.multiplyTransposedB(deltas, weights, inputGradient, BATCH, out, in);
        return inputGradient;
    }

    private static float[] pixels() {
        LabelledImages images = SyntheticDigits.generate(BATCH, 28, 10, 1);
        float[] result = new float[BATCH * 784];
        for (int i = 0; i < BATCH; i++) {
            images.copyScaled(i, result, i * 784);
        }
        return result;
    }

    private static float[] gaussian(int size, SeededRandom random) {
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }
}

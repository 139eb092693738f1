package io.github.perceptron.benchmarks;

import io.github.perceptron.core.augment.Augmentation;
import io.github.perceptron.core.batch.BatchDistortion;
import io.github.perceptron.core.data.LabelledImages;
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

/** Distorting one 28×28 image, as training does for every image of every epoch (×60,000 for an epoch's cost). */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class AugmentationBenchmark {

    @Param({"shift", "shift,rotate", "elastic", "elastic,shift"})
    public String augment;

    private BatchDistortion distortion;
    private SeededRandom random;
    private float[] image;
    private float[] work;

    @Setup
    public void setUp() {
        Augmentation augmentation = Augmentation.NONE;
        for (String part : augment.split(",")) {
            augmentation = switch (part) {
                case "shift" -> augmentation.withShift(2);
                case "rotate" -> augmentation.withRotation(15);
                case "elastic" -> augmentation.withElastic(34, 4);
                default -> throw new IllegalArgumentException(part);
            };
        }
        distortion = new BatchDistortion(augmentation, 28, 28, 1, 1);
        random = new SeededRandom(1);
        LabelledImages images = SyntheticDigits.generate(1, 28, 10, 1);
        image = new float[784];
        images.copyScaled(0, image, 0);
        work = new float[784];
    }

    @Benchmark
    public float[] distortOneImage() {
        System.arraycopy(image, 0, work, 0, image.length);
        distortion.drawSeeds(1, random);
        distortion.distort(0, work, 0, 1);
        return work;
    }
}

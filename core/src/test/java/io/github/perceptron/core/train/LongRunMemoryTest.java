package io.github.perceptron.core.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.perceptron.core.data.LabelledImages;
import io.github.perceptron.core.layer.Activation;
import io.github.perceptron.core.optim.OptimizerSpec;
import io.github.perceptron.core.testing.SyntheticImages;
import io.github.perceptron.core.trainer.Trainer;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A long run must not grow: what training allocates per epoch is bounded and does not depend on
 * the number of steps (buffers are allocated once per batch size), so the heap stays flat.
 */
class LongRunMemoryTest {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Test
    void allocation_per_epoch_is_small_and_independent_of_the_step_count() {
        List<Long> fewSteps = allocatedPerEpoch(100);
        List<Long> manySteps = allocatedPerEpoch(10);
        System.out.printf("bytes allocated per epoch: 40 steps %s, 400 steps %s%n", fewSteps, manySteps);
        // Epochs after the first two (JIT and lazy set-up settle) allocate the same with 10x the steps.
        long few = median(fewSteps.subList(2, fewSteps.size()));
        long many = median(manySteps.subList(2, manySteps.size()));
        assertThat(many).as("bytes per epoch with 400 steps vs 40").isLessThan(few + 64 * 1024);
        assertThat(many).as("bytes per epoch").isLessThan(4L << 20);
    }

    /** Bytes the training thread allocates in each of 12 epochs of 4,000 images at the given batch size. */
    private static List<Long> allocatedPerEpoch(int batch) {
        LabelledImages train = SyntheticImages.blobs(4000, 28, 28, 10, 1);
        LabelledImages test = SyntheticImages.blobs(500, 28, 28, 10, 2);
        TrainingPlan plan = TrainingPlan.builder().layers(784, 32, 10).activation(Activation.RELU)
                .optimizer(new OptimizerSpec.Momentum(0.01, 0.9)).epochs(12).batchSize(batch).build();
        List<Long> perEpoch = new ArrayList<>();
        long[] last = {THREADS.getCurrentThreadAllocatedBytes()};
        new Trainer(plan, new Threads(1), new TrainingListener() {
            @Override
            public void epochCompleted(EpochReport report) {
                long now = THREADS.getCurrentThreadAllocatedBytes();
                perEpoch.add(now - last[0]);
                last[0] = THREADS.getCurrentThreadAllocatedBytes();
            }
        }).train(train, test);
        return perEpoch;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}

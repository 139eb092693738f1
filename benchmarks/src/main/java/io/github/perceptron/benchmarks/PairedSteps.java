package io.github.perceptron.benchmarks;

import io.github.perceptron.core.engine.Network;
import io.github.perceptron.core.layer.Activation;
import io.github.perceptron.core.loss.Loss;
import io.github.perceptron.core.network.NetworkSpec;
import io.github.perceptron.core.optim.OptimizerSpec;
import io.github.perceptron.core.random.SeededRandom;
import io.github.perceptron.core.trainer.Optimizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Training steps of two structures on one thread and on two, alternating in one JVM, so that a
 * machine whose speed drifts within a run (a shared virtual machine) slows all alike. The step
 * in one parallel region ({@link Network#trainStep}) against the step it replaced, product by
 * product ({@code computeGradients}, each product its own fork and join, then
 * {@code Optimizer.step}, one more). The paired ratios of each round are reported with their
 * median and range. JMH runs its parameters one after the other, which on such a machine compares
 * two different moments.
 *
 * <p>{@code java --add-modules jdk.incubator.vector -cp benchmarks/target/benchmarks.jar
 * io.github.perceptron.benchmarks.PairedSteps 784,512,10 [rounds] [2,4,8]}: with thread counts, the step
 * in one region at each count instead, each against the first.
 */
public final class PairedSteps {

    private static final int BATCH = 100;
    private static final int STEPS = 600;

    private PairedSteps() {
    }

    public static void main(String[] args) {
        List<Integer> sizes = Arrays.stream(args[0].split(",")).map(Integer::valueOf).toList();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        if (args.length > 2) {
            threadCounts(sizes, rounds, Arrays.stream(args[2].split(",")).mapToInt(Integer::parseInt).toArray());
            return;
        }
        Steps[] steps = {new Steps(sizes, 1, false), new Steps(sizes, 2, false), new Steps(sizes, 1, true),
                new Steps(sizes, 2, true)};
        double[][] seconds = measure(steps, rounds);
        System.out.printf(Locale.ROOT, "%s batch %d, %d rounds of %d steps, seconds per round (median, min-max)%n",
                sizes, BATCH, rounds, STEPS);
        for (int s = 0; s < steps.length; s++) {
            System.out.printf(Locale.ROOT, "%-30s %s%n", steps[s], summary(seconds[s]));
        }
        report("product by product, 2 threads / 1", seconds[0], seconds[1]);
        report("one region, 2 threads / 1", seconds[2], seconds[3]);
        report("one region / product by product, 1 thread", seconds[0], seconds[2]);
        report("one region / product by product, 2 threads", seconds[1], seconds[3]);
    }

    /**
     * The step in one region at each of {@code counts} threads (a third argument, {@code 2,4,8}),
     * alternating: each count's time against the first count's, round by round.
     */
    private static void threadCounts(List<Integer> sizes, int rounds, int[] counts) {
        Steps[] steps = new Steps[counts.length];
        for (int c = 0; c < counts.length; c++) {
            steps[c] = new Steps(sizes, counts[c], true);
        }
        double[][] seconds = measure(steps, rounds);
        System.out.printf(Locale.ROOT, "%s batch %d, %d rounds of %d steps, seconds per round (median, min-max)%n",
                sizes, BATCH, rounds, STEPS);
        for (int c = 0; c < counts.length; c++) {
            System.out.printf(Locale.ROOT, "%-30s %s%n", steps[c], summary(seconds[c]));
        }
        for (int c = 1; c < counts.length; c++) {
            report(counts[c] + " threads' time / " + counts[0] + " threads'", seconds[c], seconds[0]);
        }
    }

    private static double[][] measure(Steps[] steps, int rounds) {
        for (int warmup = 0; warmup < 4; warmup++) {
            for (Steps s : steps) {
                s.run();
            }
        }
        double[][] seconds = new double[steps.length][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int s = 0; s < steps.length; s++) {
                seconds[s][r] = steps[s].run();
            }
        }
        return seconds;
    }

    /** The paired speed-up of {@code faster} over {@code slower}, round by round. */
    private static void report(String what, double[] slower, double[] faster) {
        double[] ratio = new double[slower.length];
        for (int r = 0; r < slower.length; r++) {
            ratio[r] = slower[r] / faster[r];
        }
        System.out.printf(Locale.ROOT, "%-44s %s×%n", what, summary(ratio));
    }

    private static String summary(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "%.3f (%.3f-%.3f)", sorted[sorted.length / 2], sorted[0],
                sorted[sorted.length - 1]);
    }

    /** One network and its optimiser on a fixed MNIST-like batch: blank margins, 38% of the centre inked. */
    private static final class Steps {
        private final Network network;
        private final Optimizer optimizer;
        private final float[] inputs;
        private final int[] labels = new int[BATCH];
        private final SeededRandom random = new SeededRandom(3);
        private final int threads;
        private final boolean oneRegion;

        Steps(List<Integer> sizes, int threads, boolean oneRegion) {
            this.threads = threads;
            this.oneRegion = oneRegion;
            NetworkSpec spec = NetworkSpec.of(sizes, Activation.RELU, Loss.crossEntropy(), 0, null);
            network = Network.create(spec, new SeededRandom(1), threads);
            optimizer = new Optimizer(new OptimizerSpec.Momentum(0.01, 0.9), network.parameters(), threads);
            int side = (int) Math.round(Math.sqrt(sizes.get(0)));
            inputs = new float[BATCH * sizes.get(0)];
            SeededRandom pixels = new SeededRandom(2);
            for (int b = 0; b < BATCH; b++) {
                labels[b] = pixels.nextInt(sizes.get(sizes.size() - 1));
                for (int i = side / 7; i < side - side / 7; i++) {
                    for (int j = side / 5; j < side - side / 5; j++) {
                        if (pixels.nextFloat() < 0.38f) {
                            inputs[b * side * side + i * side + j] = pixels.nextFloat();
                        }
                    }
                }
            }
        }

        /** Seconds for {@link #STEPS} whole steps (the batch is already in place: gathering is not timed). */
        double run() {
            Network.BatchRows inPlace = (task, from, to) -> { };
            long start = System.nanoTime();
            for (int s = 0; s < STEPS; s++) {
                if (oneRegion) {
                    optimizer.prepare(0.001, 0);
                    network.trainStep(inputs, labels, BATCH, random, inPlace, optimizer);
                    optimizer.commitStep();
                } else {
                    network.computeGradients(inputs, labels, BATCH, random);
                    optimizer.step(0.001, 0);
                }
            }
            return (System.nanoTime() - start) / 1e9;
        }

        @Override
        public String toString() {
            return (oneRegion ? "one region" : "product by product") + ", " + threads + (threads == 1 ? " thread" : " threads");
        }
    }
}

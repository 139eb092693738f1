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
 * Training steps on one thread and on two, alternating in one JVM, so that a machine whose speed
 * drifts within a run (a shared virtual machine) slows both alike: the paired ratio of each round
 * is reported with its median and range: for whole steps, for the updates within them, and for
 * updates run back to back. JMH runs
 * its parameters one after the other, which on such a machine compares two different moments.
 *
 * <p>{@code java --add-modules jdk.incubator.vector -cp benchmarks/target/benchmarks.jar
 * io.github.perceptron.benchmarks.PairedSteps 784,512,10 [rounds]}
 */
public final class PairedSteps {

    private static final int BATCH = 100;
    private static final int STEPS = 600;

    private PairedSteps() {
    }

    public static void main(String[] args) {
        List<Integer> sizes = Arrays.stream(args[0].split(",")).map(Integer::valueOf).toList();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        Steps one = new Steps(sizes, 1);
        Steps two = new Steps(sizes, 2);
        for (int warmup = 0; warmup < 4; warmup++) {
            one.run();
            two.run();
        }
        double[][][] seconds = new double[3][2][rounds];
        for (int r = 0; r < rounds; r++) {
            double[] a = one.run();
            double[] b = two.run();
            for (int kind = 0; kind < 3; kind++) {
                seconds[kind][0][r] = a[kind];
                seconds[kind][1][r] = b[kind];
            }
        }
        System.out.printf(Locale.ROOT, "%s batch %d, %d rounds of %d steps, seconds per round (median, min-max)%n",
                sizes, BATCH, rounds, STEPS);
        report("whole steps", seconds[0]);
        report("their updates", seconds[1]);
        report("updates alone", seconds[2]);
    }

    private static void report(String what, double[][] seconds) {
        int rounds = seconds[0].length;
        double[] ratio = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            ratio[r] = seconds[0][r] / seconds[1][r];
        }
        System.out.printf(Locale.ROOT, "%-13s 1 thread %s, 2 threads %s, 2 threads / 1: %s×%n", what,
                summary(seconds[0]), summary(seconds[1]), summary(ratio));
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

        Steps(List<Integer> sizes, int threads) {
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

        /**
         * Seconds for {@link #STEPS} whole steps, for the updates within them, then for as many
         * updates run back to back (nothing between them to take the caches).
         */
        double[] run() {
            long start = System.nanoTime();
            long updates = 0;
            for (int s = 0; s < STEPS; s++) {
                network.computeGradients(inputs, labels, BATCH, random);
                long update = System.nanoTime();
                optimizer.step(0.001, 0);
                updates += System.nanoTime() - update;
            }
            long steps = System.nanoTime();
            for (int s = 0; s < STEPS; s++) {
                optimizer.step(0.001, 0);
            }
            return new double[] {(steps - start) / 1e9, updates / 1e9, (System.nanoTime() - steps) / 1e9};
        }
    }
}

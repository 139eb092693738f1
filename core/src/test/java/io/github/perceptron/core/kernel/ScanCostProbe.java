package io.github.perceptron.core.kernel;

import java.util.Locale;
import java.util.Random;

/**
 * A measuring probe, not a test: how much of the first layer's forward product and weight
 * gradient goes to finding the depth steps where a tile's four rows are all zero (the scan the
 * vector product runs before its tiles). Batch 100 of MNIST-like images (blank margins, 38% of the
 * centre inked). Run after {@code mvn -B -q -pl core test-compile}:
 * {@code java --add-modules jdk.incubator.vector -cp core/target/classes:core/target/test-classes
 * io.github.perceptron.core.kernel.ScanCostProbe 100}
 */
public final class ScanCostProbe {

    private static final int BATCH = 100;
    private static final int PIXELS = 784;
    private static final int CALLS = 300;

    private ScanCostProbe() {
    }

    public static void main(String[] args) {
        int outputs = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        Random random = new Random(1);
        float[] x = new float[BATCH * PIXELS];
        for (int b = 0; b < BATCH; b++) {
            for (int i = 4; i < 24; i++) {
                for (int j = 6; j < 22; j++) {
                    if (random.nextFloat() < 0.38f) {
                        x[b * PIXELS + i * 28 + j] = random.nextFloat();
                    }
                }
            }
        }
        float[] w = new float[PIXELS * outputs];
        float[] dz = new float[BATCH * outputs];
        for (int i = 0; i < w.length; i++) {
            w[i] = random.nextFloat() - 0.5f;
        }
        for (int i = 0; i < dz.length; i++) {
            dz[i] = random.nextFloat() - 0.5f;
        }
        float[] z = new float[BATCH * outputs];
        float[] dw = new float[PIXELS * outputs];
        VectorRowProduct product = (VectorRowProduct) KernelChoice.vectorProduct();
        int[] depths = new int[PIXELS];
        long sink = 0;
        for (int round = 0; round < 8; round++) {
            long start = System.nanoTime();
            for (int call = 0; call < CALLS; call++) {
                product.product(x, PIXELS, 1, w, z, 0, BATCH, PIXELS, outputs);
            }
            long forward = System.nanoTime();
            for (int call = 0; call < CALLS; call++) {
                product.product(x, 1, PIXELS, dz, dw, 0, PIXELS, BATCH, outputs);
            }
            long gradient = System.nanoTime();
            for (int call = 0; call < CALLS; call++) {
                for (int r = 0; r + 4 <= BATCH; r += 4) {
                    sink += product.nonZeroDepths(x, PIXELS, 1, r, PIXELS, depths);
                }
            }
            long forwardScans = System.nanoTime();
            for (int call = 0; call < CALLS; call++) {
                for (int r = 0; r + 4 <= PIXELS; r += 4) {
                    sink += product.nonZeroDepths(x, 1, PIXELS, r, BATCH, depths);
                }
            }
            long gradientScans = System.nanoTime();
            if (round >= 4) {
                System.out.printf(Locale.ROOT, "[784,%d], one thread: forward %.0f µs, of which scans %.0f µs; "
                                + "weight gradient %.0f µs, of which scans %.0f µs%n", outputs,
                        (forward - start) / 1e3 / CALLS, (forwardScans - gradient) / 1e3 / CALLS,
                        (gradient - forward) / 1e3 / CALLS, (gradientScans - forwardScans) / 1e3 / CALLS);
            }
        }
        if (sink == 42) {
            System.out.println();
        }
    }
}

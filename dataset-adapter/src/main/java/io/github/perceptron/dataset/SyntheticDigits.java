package io.github.perceptron.dataset;

import io.github.perceptron.core.data.LabelledImages;
import io.github.perceptron.core.random.SeededRandom;

/**
 * Random images laid out like MNIST's, for measuring speed where the real data would only add
 * reading time: ink only inside the central box of 20/28 of the side (blank margins), dense enough
 * there that {@value #MNIST_INK} of all pixels are non-zero, as in MNIST. The labels are random,
 * so there is nothing to learn; the arithmetic and its sparsity are MNIST's.
 */
public final class SyntheticDigits {

    /** The fraction of MNIST's pixels that are not zero. */
    public static final double MNIST_INK = 0.19;

    private SyntheticDigits() {
    }

    /**
     * {@code count} images of {@code side×side} pixels with labels in {@code [0, classes)}, all drawn from {@code seed}.
     *
     * @param count   how many images
     * @param side    their width and height
     * @param classes how many classes, at most 10
     * @param seed    the generator's seed
     * @return the images
     */
    public static LabelledImages generate(int count, int side, int classes, long seed) {
        SeededRandom random = new SeededRandom(seed);
        byte[] pixels = new byte[count * side * side];
        int box = Math.max(1, Math.round(side * 20f / 28f));
        int margin = (side - box) / 2;
        double inkInBox = Math.min(1, MNIST_INK * side * side / (box * box));
        for (int i = 0; i < count; i++) {
            for (int y = margin; y < margin + box; y++) {
                for (int x = margin; x < margin + box; x++) {
                    if (random.nextDouble() < inkInBox) {
                        pixels[(i * side + y) * side + x] = (byte) (1 + random.nextInt(255));
                    }
                }
            }
        }
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = random.nextInt(classes);
        }
        return LabelledImages.handOver(pixels, labels, side, side, LabelledImages.numberedClasses(classes));
    }
}

package io.github.perceptron.core.testing;

import io.github.perceptron.core.data.LabelledImages;
import io.github.perceptron.core.random.SeededRandom;
import java.util.List;

/** Generated datasets for tests: no files, fully determined by a seed. */
public final class SyntheticImages {

    private SyntheticImages() {
    }

    /**
     * Images where each class lights up its own block of pixels, with noise: learnable to 100%.
     * {@code width×height} pixels, {@code classes} classes, {@code count} images.
     */
    public static LabelledImages blobs(int count, int width, int height, int classes, long seed) {
        SeededRandom random = new SeededRandom(seed);
        int pixels = width * height;
        byte[] data = new byte[count * pixels];
        int[] labels = new int[count];
        int block = pixels / classes;
        for (int i = 0; i < count; i++) {
            int label = random.nextInt(classes);
            labels[i] = label;
            for (int p = 0; p < pixels; p++) {
                boolean lit = p / block == label;
                int value = lit ? 150 + random.nextInt(106) : random.nextInt(100);
                data[i * pixels + p] = (byte) value;
            }
        }
        return new LabelledImages(data, labels, width, height, names(classes));
    }

    /** XOR of two pixels: class 1 when exactly one is bright. Not linearly separable. */
    public static LabelledImages xor() {
        byte[] pixels = {0, 0, 0, (byte) 255, (byte) 255, 0, (byte) 255, (byte) 255};
        int[] labels = {0, 1, 1, 0};
        return new LabelledImages(pixels, labels, 2, 1, names(2));
    }

    /** Random pixels with random labels, of MNIST's shape by default: for speed and plumbing, not learning. */
    public static LabelledImages noise(int count, int width, int height, int classes, long seed) {
        SeededRandom random = new SeededRandom(seed);
        byte[] data = new byte[count * width * height];
        random.nextBytes(data);
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = random.nextInt(classes);
        }
        return new LabelledImages(data, labels, width, height, names(classes));
    }

    /** The same images with their labels shuffled (seeded): a test set whose labels no longer fit its images. */
    public static LabelledImages withShuffledLabels(LabelledImages images, long seed) {
        int n = images.size();
        int pixels = images.pixelCount();
        byte[] data = new byte[n * pixels];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < pixels; p++) {
                data[i * pixels + p] = (byte) images.pixel(i, p);
            }
            labels[i] = images.label(i);
        }
        SeededRandom random = new SeededRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = labels[i];
            labels[i] = labels[j];
            labels[j] = t;
        }
        return new LabelledImages(data, labels, images.width(), images.height(), images.classNames());
    }

    public static List<String> names(int classes) {
        return LabelledImages.numberedClasses(classes);
    }
}

package io.github.perceptron.core.batch;

import io.github.perceptron.core.augment.Augmentation;
import io.github.perceptron.core.random.SeededRandom;

/**
 * Distorts a batch's images on several threads with the same result for any thread count: the
 * run's generator gives one seed per image, in batch order, and each image is distorted from a
 * generator started at its seed. Each thread (chunk) has its own distorter and generator, since
 * both keep state while an image is drawn.
 */
public final class BatchDistortion {

    private final ImageDistorter[] distorters;
    private final SeededRandom[] generators;
    private final long[] seeds;
    private final int pixels;

    public BatchDistortion(Augmentation augmentation, int width, int height, int threads, int batchSize) {
        distorters = new ImageDistorter[threads];
        generators = new SeededRandom[threads];
        for (int t = 0; t < threads; t++) {
            distorters[t] = new ImageDistorter(augmentation, width, height);
            generators[t] = new SeededRandom(0);
        }
        seeds = new long[batchSize];
        pixels = width * height;
    }

    /** Draws the seeds of the next batch's first {@code rows} images, on the calling thread. */
    public void drawSeeds(int rows, SeededRandom random) {
        for (int r = 0; r < rows; r++) {
            seeds[r] = random.nextLong();
        }
    }

    /** Distorts rows {@code [from, to)} of {@code inputs} as chunk {@code chunk}. */
    public void distort(int chunk, float[] inputs, int from, int to) {
        SeededRandom generator = generators[chunk];
        for (int r = from; r < to; r++) {
            generator.reset(seeds[r]);
            distorters[chunk].distort(inputs, r * pixels, generator);
        }
    }
}

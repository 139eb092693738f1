package io.github.perceptron.core.train;

import io.github.perceptron.core.kernel.KernelChoice;

/**
 * The threads a run computes on: its matrix products, batch gathering and augmentation share them.
 * Results are bit-identical for any count, so this is not part of a {@link TrainingPlan} and is
 * saved with no model or checkpoint: a run resumed on another machine may use another count.
 *
 * @param count at least 1
 */
public record Threads(int count) {

    /**
     * Checks the count.
     *
     * @param count at least 1
     * @throws IllegalArgumentException if {@code count} is below 1
     */
    public Threads {
        if (count < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + count);
        }
    }

    /**
     * One thread per processor the JVM sees.
     *
     * @return as many threads as {@link #processors()}
     */
    public static Threads allProcessors() {
        return new Threads(processors());
    }

    /**
     * The processors the JVM sees.
     *
     * @return at least 1
     */
    public static int processors() {
        return KernelChoice.defaultThreads();
    }
}

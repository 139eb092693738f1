package io.github.perceptron.core.random;

import java.util.random.RandomGenerator;

/**
 * The one random generator of a run: SplitMix64 (Steele, Lea and Flood 2014), whose whole state is
 * one {@code long}, so a checkpoint can save it and a resumed run draws the same numbers.
 * Gaussians come from {@link RandomGenerator#nextGaussian()}, which is defined on
 * {@link #nextLong()} alone and therefore just as reproducible.
 */
public final class SeededRandom implements RandomGenerator {

    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private long state;

    /** A generator whose sequence is fixed by {@code seed}. */
    public SeededRandom(long seed) {
        this.state = seed;
    }

    @Override
    public long nextLong() {
        return mix(state += GOLDEN_GAMMA);
    }

    private static long mix(long counter) {
        long z = counter;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /**
     * The {@code index}-th number (from 0) that {@code new SeededRandom(seed)} would return from
     * {@link #nextLong()}, computed directly: SplitMix64 is a counter run through a mixing
     * function, so draws that are split between threads can still each be the same as in one
     * sequence, whatever the split.
     */
    public static long nth(long seed, long index) {
        return mix(seed + (index + 1) * GOLDEN_GAMMA);
    }

    /** Starts the sequence of {@code seed} again: one generator serves many seeded tasks without allocating. */
    public void reset(long seed) {
        this.state = seed;
    }

    /** The state to save; {@link #restore(long)} continues the sequence from here. */
    public long state() {
        return state;
    }

    /** A generator continuing from a saved {@link #state()}. */
    public static SeededRandom restore(long state) {
        return new SeededRandom(state);
    }
}

package io.github.perceptron.core.train;

import java.util.List;

/**
 * Where a run stands at the end of an epoch, beyond its weights: everything needed to continue
 * bit-identically. Arrays are copies owned by this value.
 *
 * @param epoch          epochs completed
 * @param randomState    the run's generator ({@link io.github.perceptron.core.random.SeededRandom#state()})
 * @param optimizerSteps updates applied so far
 * @param optimizerState per parameter tensor, the optimiser's state arrays
 * @param order          the example order of the last epoch, which the next shuffle permutes
 * @param best           early stopping's memory ({@link BestEpoch#NONE} without early stopping)
 */
public record TrainingProgress(int epoch, long randomState, long optimizerSteps, List<float[][]> optimizerState,
                               int[] order, BestEpoch best) {

    public TrainingProgress {
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch must be >= 0, was " + epoch);
        }
        if (best == null || best.epoch() > epoch) {
            throw new IllegalArgumentException("the best epoch must be given and not after epoch " + epoch);
        }
        optimizerState = optimizerState.stream().map(TrainingProgress::copy).toList();
        order = order.clone();
    }

    /** Progress of a run without early stopping. */
    public TrainingProgress(int epoch, long randomState, long optimizerSteps, List<float[][]> optimizerState,
                            int[] order) {
        this(epoch, randomState, optimizerSteps, optimizerState, order, BestEpoch.NONE);
    }

    private static float[][] copy(float[][] slots) {
        float[][] copy = new float[slots.length][];
        for (int s = 0; s < slots.length; s++) {
            copy[s] = slots[s].clone();
        }
        return copy;
    }
}

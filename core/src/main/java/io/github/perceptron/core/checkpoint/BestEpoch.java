package io.github.perceptron.core.checkpoint;

import java.util.List;

/**
 * Early stopping's memory: the best validation figure so far, when it was reached, how many epochs
 * have passed since, and that epoch's weights when the plan restores them. Checkpoints save it, so
 * a resumed run stops and restores exactly as an uninterrupted one. Arrays are copies owned by
 * this value.
 *
 * @param epoch   the best epoch so far, 0 before the first
 * @param score   its validation figure (NaN before the first)
 * @param since   epochs completed after it
 * @param weights its weights in {@code Network.parameters()} order, empty unless restoring
 */
public record BestEpoch(int epoch, double score, int since, List<float[]> weights) {

    /** Before any epoch. */
    public static final BestEpoch NONE = new BestEpoch(0, Double.NaN, 0, List.of());

    public BestEpoch {
        if (epoch < 0 || since < 0) {
            throw new IllegalArgumentException("the best epoch and the epochs since must be >= 0, were " + epoch
                    + " and " + since);
        }
        weights = weights.stream().map(float[]::clone).toList();
    }

    @Override
    public List<float[]> weights() {
        return weights.stream().map(float[]::clone).toList();
    }
}

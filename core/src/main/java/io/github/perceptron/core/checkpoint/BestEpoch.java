package io.github.perceptron.core.checkpoint;

import io.github.perceptron.core.values.ArrayValues;
import java.util.List;
import java.util.Objects;

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

    /** Equal when the epochs, the score's bits and every weight are. */
    @Override
    public boolean equals(Object other) {
        return other instanceof BestEpoch that && epoch == that.epoch && since == that.since
                && Double.compare(score, that.score) == 0 && ArrayValues.equalFloats(weights, that.weights);
    }

    @Override
    public int hashCode() {
        return Objects.hash(epoch, score, since, ArrayValues.hashFloats(weights));
    }

    /** The weights' shapes, not their values. */
    @Override
    public String toString() {
        return "BestEpoch[epoch=" + epoch + ", score=" + score + ", since=" + since + ", weights="
                + ArrayValues.shapes(weights) + "]";
    }
}

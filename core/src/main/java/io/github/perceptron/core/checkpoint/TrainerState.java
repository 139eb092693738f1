package io.github.perceptron.core.checkpoint;

import io.github.perceptron.core.values.ArrayValues;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Everything a run needs, beyond its plan and its data, to take its next step exactly as it would
 * have: the weights, the optimiser's state and step count, the generator and the example order.
 * One value for every place a run is paused and picked up: a checkpoint (with the epoch and early
 * stopping's memory beside it), and each shard of data-parallel training between rounds.
 *
 * <p>The arrays are not copied: whoever makes a state hands its arrays over, and nobody changes
 * them afterwards. The trainer copies a network into a new state and a state into a network.
 *
 * @param weights        per parameter tensor, in {@code Network.parameters()} order
 * @param optimizerState per parameter tensor, the optimiser's state arrays (none for plain SGD)
 * @param optimizerSteps updates applied so far
 * @param randomState    the run's generator ({@link io.github.perceptron.core.random.SeededRandom#state()})
 * @param order          the example order of the last epoch, which the next shuffle permutes
 */
public record TrainerState(List<float[]> weights, List<float[][]> optimizerState, long optimizerSteps, long randomState,
                           int[] order) implements Serializable {

    private static final long serialVersionUID = 1L;

    public TrainerState {
        weights = List.copyOf(weights);
        optimizerState = List.copyOf(optimizerState);
        if (weights.size() != optimizerState.size()) {
            throw new IllegalArgumentException(weights.size() + " weight tensors but optimiser state for "
                    + optimizerState.size());
        }
        if (optimizerSteps < 0) {
            throw new IllegalArgumentException("optimiser steps must be >= 0, was " + optimizerSteps);
        }
        if (order == null) {
            throw new IllegalArgumentException("the example order must be given");
        }
    }

    /** Equal when every array holds the same values and the counts and generator are equal. */
    @Override
    public boolean equals(Object other) {
        return other instanceof TrainerState that && optimizerSteps == that.optimizerSteps
                && randomState == that.randomState && Arrays.equals(order, that.order)
                && ArrayValues.equalFloats(weights, that.weights)
                && ArrayValues.equalFloatGroups(optimizerState, that.optimizerState);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ArrayValues.hashFloats(weights), ArrayValues.hashFloatGroups(optimizerState), optimizerSteps,
                randomState, Arrays.hashCode(order));
    }

    /** The shapes of the arrays, not their values (a network holds millions). */
    @Override
    public String toString() {
        return "TrainerState[weights=" + ArrayValues.shapes(weights) + ", optimizerState="
                + ArrayValues.groupShapes(optimizerState) + ", optimizerSteps=" + optimizerSteps + ", randomState="
                + randomState + ", order=" + order.length + " examples]";
    }

    /** The same weights and optimiser, with another generator and example order: a shard's own. */
    public TrainerState withGenerator(long randomState, int[] order) {
        return new TrainerState(weights, optimizerState, optimizerSteps, randomState, order);
    }

    /** How many examples the order covers: the size of the training set (or shard) it was made for. */
    public int examples() {
        return order.length;
    }
}

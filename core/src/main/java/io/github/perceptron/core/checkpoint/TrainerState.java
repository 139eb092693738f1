package io.github.perceptron.core.checkpoint;

import java.io.Serializable;
import java.util.List;

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

    /** The same weights and optimiser, with another generator and example order: a shard's own. */
    public TrainerState withGenerator(long randomState, int[] order) {
        return new TrainerState(weights, optimizerState, optimizerSteps, randomState, order);
    }

    /** How many examples the order covers: the size of the training set (or shard) it was made for. */
    public int examples() {
        return order.length;
    }
}

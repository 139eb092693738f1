package io.github.perceptron.core.trainer;

import io.github.perceptron.core.checkpoint.TrainerState;
import io.github.perceptron.core.engine.Network;
import io.github.perceptron.core.trainer.Optimizer;
import java.util.ArrayList;
import java.util.List;

/** Copies of a network's and optimiser's arrays into a {@link TrainerState}, which owns them. */
public final class StateCopies {

    private StateCopies() {
    }

    /** What {@code network} and {@code optimizer} hold now, with the given generator state and order (not copied). */
    public static TrainerState capture(Network network, Optimizer optimizer, long randomState, int[] order) {
        List<float[]> weights = new ArrayList<>();
        List<float[][]> slots = new ArrayList<>();
        for (int p = 0; p < network.parameters().size(); p++) {
            weights.add(network.parameters().get(p).values().clone());
            float[][] state = optimizer.state(p);
            float[][] copy = new float[state.length][];
            for (int s = 0; s < state.length; s++) {
                copy[s] = state[s].clone();
            }
            slots.add(copy);
        }
        return new TrainerState(weights, slots, optimizer.steps(), randomState, order);
    }
}

package io.github.perceptron.core.train;

import io.github.perceptron.core.layer.Parameter;
import io.github.perceptron.core.network.Network;
import io.github.perceptron.core.optim.Optimizer;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * One copy of a network's trainable state in data-parallel training: its weights (in
 * {@link Network#parameters()} order), its optimiser's state arrays per parameter and the
 * optimiser's step count. Every shard starts a round from the same replica, and the round's
 * result is the {@link #average} of the shards' replicas.
 */
public record Replica(List<float[]> weights, List<float[][]> optimizerState, long optimizerSteps) implements Serializable {

    private static final long serialVersionUID = 1L;

    public Replica {
        weights = List.copyOf(weights);
        optimizerState = List.copyOf(optimizerState);
        if (weights.size() != optimizerState.size()) {
            throw new IllegalArgumentException(weights.size() + " weight tensors but optimiser state for "
                    + optimizerState.size());
        }
    }

    /** A copy of what {@code network} and {@code optimizer} hold now. */
    public static Replica of(Network network, Optimizer optimizer) {
        List<float[]> weights = new ArrayList<>();
        List<float[][]> state = new ArrayList<>();
        for (int p = 0; p < network.parameters().size(); p++) {
            weights.add(network.parameters().get(p).values().clone());
            float[][] slots = optimizer.state(p);
            float[][] copy = new float[slots.length][];
            for (int s = 0; s < slots.length; s++) {
                copy[s] = slots[s].clone();
            }
            state.add(copy);
        }
        return new Replica(weights, state, optimizer.steps());
    }

    /** Writes this replica into {@code network} and {@code optimizer}, whose shapes it must match. */
    public void writeInto(Network network, Optimizer optimizer) {
        List<Parameter> parameters = network.parameters();
        if (parameters.size() != weights.size()) {
            throw new IllegalArgumentException("the replica has " + weights.size() + " tensors, the network "
                    + parameters.size());
        }
        for (int p = 0; p < parameters.size(); p++) {
            copy(weights.get(p), parameters.get(p).values(), "weights " + p);
            float[][] slots = optimizer.state(p);
            for (int s = 0; s < slots.length; s++) {
                copy(optimizerState.get(p)[s], slots[s], "optimiser state " + p);
            }
        }
        optimizer.restoreSteps(optimizerSteps);
    }

    /**
     * The element-wise mean of every weight and optimiser-state value, summed in double in the
     * replicas' order (shard order), so that the result never depends on where or when shards ran.
     * One replica averages to itself, bit for bit. The step count is the replicas' (they all took
     * the same number of steps).
     */
    public static Replica average(List<Replica> replicas) {
        if (replicas.isEmpty()) {
            throw new IllegalArgumentException("no replicas to average");
        }
        Replica first = replicas.get(0);
        List<float[]> weights = new ArrayList<>();
        List<float[][]> state = new ArrayList<>();
        for (int p = 0; p < first.weights.size(); p++) {
            int tensor = p;
            weights.add(mean(replicas.stream().map(r -> r.weights.get(tensor)).toList()));
            float[][] slots = new float[first.optimizerState.get(p).length][];
            for (int s = 0; s < slots.length; s++) {
                int slot = s;
                slots[s] = mean(replicas.stream().map(r -> r.optimizerState.get(tensor)[slot]).toList());
            }
            state.add(slots);
        }
        for (Replica replica : replicas) {
            if (replica.optimizerSteps != first.optimizerSteps) {
                throw new IllegalArgumentException("shards took different numbers of steps: " + first.optimizerSteps
                        + " and " + replica.optimizerSteps);
            }
        }
        return new Replica(weights, state, first.optimizerSteps);
    }

    private static float[] mean(List<float[]> tensors) {
        int n = tensors.get(0).length;
        double[] sum = new double[n];
        for (float[] tensor : tensors) {
            if (tensor.length != n) {
                throw new IllegalArgumentException("replicas of different shapes: " + n + " and " + tensor.length);
            }
            for (int i = 0; i < n; i++) {
                sum[i] += tensor[i];
            }
        }
        float[] mean = new float[n];
        for (int i = 0; i < n; i++) {
            mean[i] = (float) (sum[i] / tensors.size());
        }
        return mean;
    }

    private static void copy(float[] from, float[] to, String what) {
        if (from.length != to.length) {
            throw new IllegalArgumentException("the replica's " + what + " holds " + from.length + " values, the network "
                    + "needs " + to.length);
        }
        System.arraycopy(from, 0, to, 0, from.length);
    }
}

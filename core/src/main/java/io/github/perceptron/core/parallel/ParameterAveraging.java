package io.github.perceptron.core.parallel;

import io.github.perceptron.core.checkpoint.TrainerState;
import java.util.ArrayList;
import java.util.List;

/** The average that ends a round of data-parallel training. */
final class ParameterAveraging {

    private ParameterAveraging() {
    }

    /**
     * Each shard's state with the element-wise mean of every weight and optimiser-state value,
     * summed in double in shard order, so that the result never depends on where or when shards
     * ran; each keeps its own generator and order. One state averages to itself, bit for bit. The
     * step count is the shards' (they all took the same number of steps). The averaged arrays are
     * shared by the states returned.
     */
    static List<TrainerState> average(List<TrainerState> shards) {
        if (shards.isEmpty()) {
            throw new IllegalArgumentException("no shards to average");
        }
        TrainerState first = shards.get(0);
        for (TrainerState shard : shards) {
            if (shard.optimizerSteps() != first.optimizerSteps()) {
                throw new IllegalArgumentException("shards took different numbers of steps: " + first.optimizerSteps()
                        + " and " + shard.optimizerSteps());
            }
        }
        List<float[]> weights = new ArrayList<>();
        List<float[][]> state = new ArrayList<>();
        for (int p = 0; p < first.weights().size(); p++) {
            int tensor = p;
            weights.add(mean(shards.stream().map(r -> r.weights().get(tensor)).toList()));
            float[][] slots = new float[first.optimizerState().get(p).length][];
            for (int s = 0; s < slots.length; s++) {
                int slot = s;
                slots[s] = mean(shards.stream().map(r -> r.optimizerState().get(tensor)[slot]).toList());
            }
            state.add(slots);
        }
        List<float[]> sharedWeights = List.copyOf(weights);
        List<float[][]> sharedState = List.copyOf(state);
        return shards.stream().map(shard -> new TrainerState(sharedWeights, sharedState, first.optimizerSteps(),
                shard.randomState(), shard.order())).toList();
    }

    private static float[] mean(List<float[]> tensors) {
        int n = tensors.get(0).length;
        double[] sum = new double[n];
        for (float[] tensor : tensors) {
            if (tensor.length != n) {
                throw new IllegalArgumentException("shards of different shapes: " + n + " and " + tensor.length);
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
}

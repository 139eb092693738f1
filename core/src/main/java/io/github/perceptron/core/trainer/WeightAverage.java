package io.github.perceptron.core.trainer;

import io.github.perceptron.core.engine.Network;
import io.github.perceptron.core.engine.Parameter;
import java.util.List;

/**
 * The mean of a network's weights as they stood at the end of each of a run's last epochs
 * (stochastic weight averaging, Izmailov et al. 2018). Sums are kept in double and added in
 * epoch order, so the average is the same bits whatever the threads.
 */
final class WeightAverage {

    private final double[][] sums;
    private int snapshots;

    WeightAverage(Network network) {
        List<Parameter> parameters = network.parameters();
        sums = new double[parameters.size()][];
        for (int p = 0; p < sums.length; p++) {
            sums[p] = new double[parameters.get(p).size()];
        }
    }

    /** Adds the network's weights as they stand now. */
    void add(Network network) {
        List<Parameter> parameters = network.parameters();
        for (int p = 0; p < sums.length; p++) {
            float[] values = parameters.get(p).values();
            double[] sum = sums[p];
            for (int i = 0; i < sum.length; i++) {
                sum[i] += values[i];
            }
        }
        snapshots++;
    }

    /** Replaces the network's weights with the mean of those added. */
    void writeInto(Network network) {
        if (snapshots == 0) {
            throw new IllegalStateException("no weights were added to the average");
        }
        List<Parameter> parameters = network.parameters();
        for (int p = 0; p < sums.length; p++) {
            float[] values = parameters.get(p).values();
            double[] sum = sums[p];
            for (int i = 0; i < sum.length; i++) {
                values[i] = (float) (sum[i] / snapshots);
            }
        }
    }
}

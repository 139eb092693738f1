package io.github.perceptron.core.train;

import io.github.perceptron.core.network.Network;
import java.util.List;

/**
 * The trained network and what happened, epoch by epoch.
 *
 * @param stoppedEarly whether a listener ended training before the plan's last epoch
 */
public record TrainingResult(Network network, List<EpochReport> history, boolean stoppedEarly) {

    public TrainingResult {
        history = List.copyOf(history);
    }

    /** The last epoch's report. */
    public EpochReport last() {
        return history.get(history.size() - 1);
    }
}

package io.github.perceptron.core.trainer;

import io.github.perceptron.core.engine.Network;
import io.github.perceptron.core.train.EpochReport;
import io.github.perceptron.core.train.StopReason;
import java.util.List;

/**
 * The trained network and what happened, epoch by epoch.
 *
 * @param stopReason why the run ended
 * @param keptEpoch  the epoch whose weights {@code network} holds: the last one run, or the best
 *                   one when early stopping restores it
 */
public record TrainedNetwork(Network network, List<EpochReport> history, StopReason stopReason, int keptEpoch) {

    public TrainedNetwork {
        history = List.copyOf(history);
    }

    /** Whether training ended before the plan's last epoch (early stopping, an interrupt). */
    public boolean stoppedEarly() {
        return stopReason != StopReason.COMPLETED;
    }

    /** The last epoch's report. */
    public EpochReport last() {
        return history.get(history.size() - 1);
    }
}

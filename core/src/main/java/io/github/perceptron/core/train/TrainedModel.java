package io.github.perceptron.core.train;

import io.github.perceptron.core.eval.Evaluation;
import io.github.perceptron.core.model.Model;
import java.util.List;

/**
 * A model fresh from training, its history and its evaluation on the test split.
 *
 * @param stopReason why training ended
 * @param keptEpoch  the epoch whose weights the model holds (the best one when early stopping
 *                   restored it)
 */
public record TrainedModel(Model model, List<EpochReport> history, Evaluation test, StopReason stopReason,
                           int keptEpoch) {

    public TrainedModel {
        history = List.copyOf(history);
    }

    /** Whether training ended before the plan's last epoch (early stopping, an interrupt). */
    public boolean stoppedEarly() {
        return stopReason != StopReason.COMPLETED;
    }
}

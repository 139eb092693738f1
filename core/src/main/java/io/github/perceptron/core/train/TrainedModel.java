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
 * @param model   the trained model
 * @param history one report per epoch trained, in order
 * @param test    the model on the test split
 */
public record TrainedModel(Model model, List<EpochReport> history, Evaluation test, StopReason stopReason,
                           int keptEpoch) {

    /**
     * Copies the history.
     *
     * @param model the trained model
     * @param history one report per epoch trained, in order
     * @param test the model on the test split
     * @param stopReason why training ended
     * @param keptEpoch the epoch whose weights the model holds (the best one when early stopping restored it)
     */
    public TrainedModel {
        history = List.copyOf(history);
    }

    /**
     * Whether training ended before the plan's last epoch (early stopping, an interrupt).
     *
     * @return true unless it ran every epoch
     */
    public boolean stoppedEarly() {
        return stopReason != StopReason.COMPLETED;
    }
}

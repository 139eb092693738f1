package io.github.perceptron.core.usecase;

import io.github.perceptron.core.eval.Evaluation;
import io.github.perceptron.core.model.Model;
import io.github.perceptron.core.train.EpochReport;
import java.util.List;

/**
 * A model fresh from training, its history and its evaluation on the test split.
 *
 * @param stoppedEarly whether training ended before the plan's last epoch (early stopping, an interrupt)
 */
public record TrainedModel(Model model, List<EpochReport> history, Evaluation test, boolean stoppedEarly) {

    public TrainedModel {
        history = List.copyOf(history);
    }
}

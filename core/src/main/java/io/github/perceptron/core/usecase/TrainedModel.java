package io.github.perceptron.core.usecase;

import io.github.perceptron.core.eval.Evaluation;
import io.github.perceptron.core.model.Model;
import io.github.perceptron.core.train.EpochReport;
import java.util.List;

/** A model fresh from training, its history and its evaluation on the test split. */
public record TrainedModel(Model model, List<EpochReport> history, Evaluation test) {

    public TrainedModel {
        history = List.copyOf(history);
    }
}

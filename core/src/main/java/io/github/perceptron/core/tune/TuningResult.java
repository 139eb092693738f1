package io.github.perceptron.core.tune;

import io.github.perceptron.core.train.TrainedModel;
import io.github.perceptron.core.train.TrainingPlan;
import io.github.perceptron.core.tune.TrialResult;
import java.util.List;

/**
 * A finished search.
 *
 * @param trials          every trial run, in order (those read back from a journal included)
 * @param best            the trial with the highest validation accuracy (the earliest on a tie)
 * @param winnerPlan      the plan the winner was finally trained with
 * @param winner          that model, with its one evaluation on the test set
 * @param secondsUsed     the trials' time, against the budget
 * @param budgetExhausted whether the budget stopped the search before its last trial
 * @param resumed         how many trials were read back from the journal rather than run
 */
public record TuningResult(List<TrialResult> trials, TrialResult best, TrainingPlan winnerPlan, TrainedModel winner,
                           double secondsUsed, boolean budgetExhausted, int resumed) {

    public TuningResult {
        trials = List.copyOf(trials);
    }
}

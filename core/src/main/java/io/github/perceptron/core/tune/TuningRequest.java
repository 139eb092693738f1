package io.github.perceptron.core.tune;

import io.github.perceptron.core.data.ValidationSplit;
import io.github.perceptron.core.train.TrainingPlan;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a search tries and how it scores.
 *
 * @param trials     the field values of each trial, in order (see {@link io.github.perceptron.core.tune.SearchSpace})
 * @param plans      each trial's plan, in the same order
 * @param validation the held-out images every trial is scored on; with folds, only its seed is used
 * @param folds      1 to score on {@code validation}; k ≥ 2 for k-fold cross-validation
 * @param budget     no new trial starts once the finished ones have taken this long; null for none
 * @param retrain    train the winner again on all the training images (for the epochs it kept)
 *                   before its one test; always so with folds
 */
public record TuningRequest(List<Map<String, String>> trials, List<TrainingPlan> plans,
                            ValidationSplit validation, int folds, Duration budget, boolean retrain) {

    public TuningRequest {
        if (trials == null || trials.isEmpty()) {
            throw new IllegalArgumentException("a search needs at least one trial");
        }
        trials = List.copyOf(trials);
        plans = List.copyOf(plans);
        if (plans.size() != trials.size()) {
            throw new IllegalArgumentException(trials.size() + " trials but " + plans.size() + " plans");
        }
        if (folds < 1) {
            throw new IllegalArgumentException("folds must be 1 (a validation split) or more, was " + folds);
        }
        if (folds == 1 && validation.isNone()) {
            throw new IllegalArgumentException("trials are scored on held-out images: a validation split or "
                    + "folds must be given, never the test set");
        }
        if (budget != null && (budget.isNegative() || budget.isZero())) {
            throw new IllegalArgumentException("the time budget must be positive, was " + budget);
        }
    }
}

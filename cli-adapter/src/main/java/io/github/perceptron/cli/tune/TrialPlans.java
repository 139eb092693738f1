package io.github.perceptron.cli.tune;

import io.github.perceptron.cli.common.OptionException;
import io.github.perceptron.cli.train.TrainingSettings;
import io.github.perceptron.core.train.EarlyStopping;
import io.github.perceptron.core.train.TrainingPlan;
import java.util.List;
import java.util.Map;

/**
 * A trial's plan: the user's training settings with the trial's field values set on their typed
 * fields, parsed as {@code train} parses them, so a trial is the run {@code perceptron train} would
 * make of {@link #trainArguments}.
 */
final class TrialPlans {

    private final TrainingSettings base;
    private final EarlyStopping earlyStopping;

    TrialPlans(TrainingSettings base, EarlyStopping earlyStopping) {
        this.base = base;
        this.earlyStopping = earlyStopping;
    }

    /** The plan of the trial with field values {@code params}. */
    TrainingPlan plan(Map<String, String> params) {
        try {
            return base.with(params).plan().withEarlyStopping(earlyStopping);
        } catch (IllegalArgumentException e) {
            throw new OptionException("the trial " + params + " is not a valid plan: " + e.getMessage(), e);
        }
    }

    /** The plans of {@code trials}, in order. */
    List<TrainingPlan> plans(List<Map<String, String>> trials) {
        return trials.stream().map(this::plan).toList();
    }

    /** The settings every trial shares. */
    TrainingSettings base() {
        return base;
    }

    /** The training options of the trial, as {@code train} would take them: each option once, at its value. */
    List<String> trainArguments(Map<String, String> params) {
        return base.with(params).arguments();
    }
}

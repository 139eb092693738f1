package io.github.perceptron.cli.tune;

import io.github.perceptron.cli.train.TrainingOptions;
import io.github.perceptron.core.train.EarlyStopping;
import io.github.perceptron.core.train.TrainingPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine;

/**
 * A trial's plan: the user's training options followed by the trial's field values, parsed with
 * exactly {@code train}'s rules, so a trial is the run {@code perceptron train} would make of
 * {@link #trainArguments}.
 */
final class TrialPlans implements Function<Map<String, String>, TrainingPlan> {

    private final List<String> base;
    private final EarlyStopping earlyStopping;

    TrialPlans(List<String> base, EarlyStopping earlyStopping) {
        this.base = List.copyOf(base);
        this.earlyStopping = earlyStopping;
    }

    @Override
    public TrainingPlan apply(Map<String, String> params) {
        try {
            return TrainingOptions.parse(trainArguments(params)).plan().withEarlyStopping(earlyStopping);
        } catch (CommandLine.ParameterException | IllegalArgumentException e) {
            throw new IllegalArgumentException("the trial " + params + " is not a valid plan: " + e.getMessage());
        }
    }

    /** The training options of the trial, as {@code train} would take them. */
    List<String> trainArguments(Map<String, String> params) {
        List<String> args = new ArrayList<>(base);
        params.forEach((name, value) -> {
            args.add("--" + name);
            args.add(value);
        });
        return args;
    }
}

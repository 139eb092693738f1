package io.github.perceptron.cli.tune;

import io.github.perceptron.cli.common.OptionException;
import io.github.perceptron.cli.train.TrainingOptions;
import io.github.perceptron.core.train.EarlyStopping;
import io.github.perceptron.core.train.TrainingPlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine;

/**
 * A trial's plan: the user's training options followed by the trial's field values, parsed with
 * exactly {@code train}'s rules, so a trial is the run {@code perceptron train} would make of
 * {@link #trainArguments}.
 */
public final class TrialPlans implements Function<Map<String, String>, TrainingPlan> {

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
            throw new OptionException("the trial " + params + " is not a valid plan: " + e.getMessage());
        }
    }

    /** The user's training options, which every trial shares. */
    List<String> baseArguments() {
        return base;
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

    /**
     * {@code args} with each option once, at its last value, in the order options first appear:
     * {@code train} refuses an option given twice. An option followed by a word that is not an
     * option takes it as its value; otherwise it is a flag.
     */
    static List<String> once(List<String> args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String name = args.get(i);
            boolean hasValue = i + 1 < args.size() && !args.get(i + 1).startsWith("--");
            options.remove(name);
            options.put(name, hasValue ? args.get(++i) : null);
        }
        List<String> flat = new ArrayList<>();
        options.forEach((name, value) -> {
            flat.add(name);
            if (value != null) {
                flat.add(value);
            }
        });
        return flat;
    }
}

package io.github.perceptron.cli.train;

import io.github.perceptron.cli.common.OptionException;
import io.github.perceptron.core.model.Model;
import io.github.perceptron.core.train.EarlyStopping;
import io.github.perceptron.core.train.TrainingPlan;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** {@code --committee N} and {@code --committee-layers}: checked before any data is read, and turned into the members' plans. */
final class CommitteeOptions {

    /** What a committee run does not do (yet): each member is a fresh run of its own. */
    private static final List<String> REFUSED = List.of("--resume", "--checkpoint-every", "--checkpoint", "--plot",
            "--shards", "--local-steps");

    private CommitteeOptions() {
    }

    /**
     * Member k's plan is the plan of {@code train --seed S+k --layers L_k}: the options given, with the
     * seed moved on by k and the layers taken in turn from {@code committeeLayers}.
     */
    static List<TrainingPlan> memberPlans(CommandLine.ParseResult parsed, Integer members, String committeeLayers,
                                          TrainingSettings settings, EarlyStopping earlyStopping) {
        if (members == null) {
            throw new OptionException("--committee-layers goes with --committee N");
        }
        if (members < 1 || members > Model.MAX_MEMBERS) {
            throw new OptionException("--committee must be in 1.." + Model.MAX_MEMBERS + ", was " + members);
        }
        RefusedOptions.refuse(parsed, REFUSED, "--committee: each member is a fresh run, and the same command "
                + "resumes the members not finished");
        List<String> layers = committeeLayers == null ? List.of() : List.of(committeeLayers.split("\\|", -1));
        List<TrainingPlan> plans = new ArrayList<>();
        for (int k = 0; k < members; k++) {
            TrainingSettings member = settings.with("seed", Long.toString(settings.seed() + k));
            if (!layers.isEmpty()) {
                member = member.with("layers", layers.get(k % layers.size()).strip());
            }
            try {
                plans.add(member.plan().withEarlyStopping(earlyStopping));
            } catch (IllegalArgumentException e) {
                throw new OptionException("--patience: " + e.getMessage(), e);
            }
        }
        return plans;
    }
}

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
     * What the members take in turn: {@code --committee-layers} and {@code --committee-normalise},
     * each {@code |}-separated, or null for the options every member shares.
     */
    record Turns(String layers, String normalisations) {

        /** Member k's settings: {@code settings} with the k-th layers and normalisation, each list taken round. */
        TrainingSettings of(int k, TrainingSettings settings) {
            TrainingSettings member = settings;
            if (layers != null) {
                member = member.with("layers", take(layers, k));
            }
            if (normalisations != null) {
                member = member.with("normalise", take(normalisations, k));
            }
            return member;
        }

        private static String take(String turns, int k) {
            String[] each = turns.split("\\|", -1);
            return each[k % each.length].strip();
        }
    }

    /**
     * Member k's plan is the plan of {@code train --seed S+k --layers L_k --normalise N_k}: the
     * options given, with the seed moved on by k and the layers and normalisation taken in turn.
     */
    static List<TrainingPlan> memberPlans(CommandLine.ParseResult parsed, Integer members, Turns turns,
                                          TrainingSettings settings, EarlyStopping earlyStopping) {
        if (members == null) {
            throw new OptionException((turns.layers() != null ? "--committee-layers" : "--committee-normalise")
                    + " goes with --committee N");
        }
        if (members < 1 || members > Model.MAX_MEMBERS) {
            throw new OptionException("--committee must be in 1.." + Model.MAX_MEMBERS + ", was " + members);
        }
        RefusedOptions.refuse(parsed, REFUSED, "--committee: each member is a fresh run, and the same command "
                + "resumes the members not finished");
        List<TrainingPlan> plans = new ArrayList<>();
        for (int k = 0; k < members; k++) {
            TrainingSettings member = turns.of(k, settings.with("seed", Long.toString(settings.seed() + k)));
            try {
                plans.add(member.plan().withEarlyStopping(earlyStopping));
            } catch (IllegalArgumentException e) {
                throw new OptionException("--patience: " + e.getMessage(), e);
            }
        }
        return plans;
    }
}

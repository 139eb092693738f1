package io.github.perceptron.cli.compare;

import io.github.perceptron.core.data.LabelledImages;
import io.github.perceptron.core.model.Model;
import java.util.List;
import java.util.Locale;

/**
 * One configuration's networks, one per seed, as a committee (the mean of their probabilities)
 * measured on the test images against its members, each measured as its run reported.
 *
 * @param committeeAccuracy the committee's test accuracy
 * @param memberAccuracies  each seed's network's test accuracy, in seed order
 */
record SeedCommittee(double committeeAccuracy, List<Double> memberAccuracies) {

    SeedCommittee {
        memberAccuracies = List.copyOf(memberAccuracies);
    }

    /** The committee of {@code members} (in seed order) on {@code test}; {@code accuracies} as their runs measured them. */
    static SeedCommittee of(List<Model> members, List<Double> accuracies, LabelledImages test) {
        Model committee = Model.committee(members, members.get(0).metadata());
        return new SeedCommittee(committee.evaluate(test).accuracy(), accuracies);
    }

    /** The seed (from 1) of the most accurate member; the first of equals. */
    int bestSeed() {
        int best = 0;
        for (int k = 1; k < memberAccuracies.size(); k++) {
            if (memberAccuracies.get(k) > memberAccuracies.get(best)) {
                best = k;
            }
        }
        return best + 1;
    }

    double bestMemberAccuracy() {
        return memberAccuracies.get(bestSeed() - 1);
    }

    double meanMemberAccuracy() {
        return memberAccuracies.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    /** The committee's accuracy less its best member's, as a fraction. */
    double gainOverBestMember() {
        return committeeAccuracy - bestMemberAccuracy();
    }

    /** "99.50% against its best member's 99.42% (seed 3): +0.08 points". */
    String summary() {
        return String.format(Locale.ROOT, "%.2f%% against its best member's %.2f%% (seed %d): %+.2f points",
                100 * committeeAccuracy, 100 * bestMemberAccuracy(), bestSeed(),
                100 * gainOverBestMember());
    }
}

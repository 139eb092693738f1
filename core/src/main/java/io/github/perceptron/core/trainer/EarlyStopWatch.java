package io.github.perceptron.core.trainer;

import io.github.perceptron.core.checkpoint.BestEpoch;
import io.github.perceptron.core.engine.Network;
import io.github.perceptron.core.eval.Evaluation;
import io.github.perceptron.core.engine.Parameter;
import io.github.perceptron.core.train.EarlyStopping;
import io.github.perceptron.core.train.EpochReport;
import java.util.List;

/** Follows one run's validation figure for its {@link EarlyStopping}: the best epoch, its weights, the epochs since. */
final class EarlyStopWatch {

    private final EarlyStopping rule;
    private int bestEpoch;
    private double bestScore;
    private int since;
    private List<float[]> bestWeights;

    /** Continues from {@code from}: {@link BestEpoch#NONE} for a fresh run, a checkpoint's for a resumed one. */
    EarlyStopWatch(EarlyStopping rule, BestEpoch from) {
        this.rule = rule;
        this.bestEpoch = from.epoch();
        this.bestScore = from.score();
        this.since = from.since();
        this.bestWeights = from.weights();
    }

    void observe(EpochReport report, Network network) {
        if (!rule.isActive()) {
            return;
        }
        Evaluation validation = report.evaluation().orElseThrow(
                () -> new IllegalStateException("early stopping without a validation evaluation"));
        double score = rule.monitor() == EarlyStopping.Monitor.LOSS ? validation.loss() : validation.accuracy();
        if (rule.improves(score, bestScore)) {
            bestEpoch = report.epoch();
            bestScore = score;
            since = 0;
            if (rule.restoreBest()) {
                bestWeights = network.parameters().stream().map(p -> p.values().clone()).toList();
            }
        } else {
            since++;
        }
    }

    /** Whether the patience has run out. */
    boolean exhausted() {
        return rule.patience() > 0 && since >= rule.patience();
    }

    BestEpoch state() {
        return rule.isActive() ? new BestEpoch(bestEpoch, bestScore, since, bestWeights) : BestEpoch.NONE;
    }

    /**
     * Puts the best epoch's weights back into {@code network} when the rule keeps them, and
     * returns the epoch whose weights the network then holds.
     */
    int restoreInto(Network network, int lastEpoch) {
        if (!rule.restoreBest() || bestEpoch == 0 || bestEpoch == lastEpoch) {
            return lastEpoch;
        }
        List<Parameter> parameters = network.parameters();
        for (int p = 0; p < parameters.size(); p++) {
            float[] values = parameters.get(p).values();
            System.arraycopy(bestWeights.get(p), 0, values, 0, values.length);
        }
        return bestEpoch;
    }
}

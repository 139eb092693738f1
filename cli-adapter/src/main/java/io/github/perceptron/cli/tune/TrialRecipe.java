package io.github.perceptron.cli.tune;

import io.github.perceptron.cli.common.PlanCodec;
import io.github.perceptron.cli.train.ValidationOption;
import io.github.perceptron.core.train.Threads;
import io.github.perceptron.core.tune.TrialResult;
import io.github.perceptron.core.tune.TuneModel;
import io.github.perceptron.core.tune.TuningRequest;
import io.github.perceptron.dataset.DataLocation;
import java.io.Serializable;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one trial of a search needs, as plain values, so that the trial can be run anywhere
 * (a Spark executor) exactly as {@code tune} runs it here: the same plans, made here and shipped as
 * documents (with the codec that reads them there), on the same data, checked by its digest.
 */
public final class TrialRecipe implements Serializable {

    private static final long serialVersionUID = 1L;

    private final ArrayList<LinkedHashMap<String, String>> trials = new ArrayList<>();
    private final ArrayList<String> plans;
    private final PlanCodec codec;
    private final String validation;
    private final long seed;
    private final int folds;
    private final DataLocation data;
    private final String digest;
    private final int threads;

    TrialRecipe(List<Map<String, String>> trials, List<String> plans, PlanCodec codec, String validation, long seed,
                int folds, DataLocation data, String digest, int threads) {
        trials.forEach(params -> this.trials.add(new LinkedHashMap<>(params)));
        this.plans = new ArrayList<>(plans);
        this.codec = codec;
        this.validation = validation;
        this.seed = seed;
        this.folds = folds;
        this.data = data;
        this.digest = digest;
        this.threads = threads;
    }

    /** The same recipe, run on {@code threads} threads: the results do not depend on it. */
    public TrialRecipe onThreads(int threads) {
        return new TrialRecipe(new ArrayList<>(trials), plans, codec, validation, seed, folds, data, digest, threads);
    }

    /** Runs trial {@code number} (from 1) here, on {@code threads} threads. */
    public TrialResult run(int number) {
        TuningRequest request = new TuningRequest(new ArrayList<>(trials), plans.stream().map(codec::read).toList(),
                ValidationOption.parse(validation, seed), folds, null, true);
        return new TuneModel(data.openVerified(digest), new Threads(threads), Clock.systemUTC()).trial(request, number);
    }
}

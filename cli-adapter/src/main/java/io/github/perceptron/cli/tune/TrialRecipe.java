package io.github.perceptron.cli.tune;

import io.github.perceptron.cli.common.DataLocation;
import io.github.perceptron.cli.train.ValidationOption;
import io.github.perceptron.core.data.DatasetException;
import io.github.perceptron.core.data.DatasetSource;
import io.github.perceptron.core.data.LabelledImages;
import io.github.perceptron.core.data.Split;
import io.github.perceptron.core.train.EarlyStopping;
import io.github.perceptron.core.train.Execution;
import io.github.perceptron.core.tune.TrialResult;
import io.github.perceptron.core.usecase.TuneModel;
import io.github.perceptron.core.usecase.TuningRequest;
import java.io.Serializable;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything one trial of a search needs, as plain values, so that the trial can be run anywhere
 * (a Spark executor) exactly as {@code tune} runs it here: the same plans, parsed from the same
 * options with {@code train}'s rules, on the same data, checked by its digest.
 */
public final class TrialRecipe implements Serializable {

    private static final long serialVersionUID = 1L;
    /** One JVM's data, read once and shared by the trials that land there. */
    private static final Map<DataLocation, LabelledImages> TRAINING_IMAGES = new ConcurrentHashMap<>();

    private final ArrayList<LinkedHashMap<String, String>> trials = new ArrayList<>();
    private final ArrayList<String> baseArguments;
    private final int patience;
    private final String validation;
    private final long seed;
    private final int folds;
    private final DataLocation data;
    private final String digest;
    private final int threads;

    TrialRecipe(List<Map<String, String>> trials, List<String> baseArguments, int patience, String validation, long seed,
                int folds, DataLocation data, String digest, int threads) {
        trials.forEach(params -> this.trials.add(new LinkedHashMap<>(params)));
        this.baseArguments = new ArrayList<>(baseArguments);
        this.patience = patience;
        this.validation = validation;
        this.seed = seed;
        this.folds = folds;
        this.data = data;
        this.digest = digest;
        this.threads = threads;
    }

    /** The same recipe, run on {@code threads} threads: the results do not depend on it. */
    public TrialRecipe onThreads(int threads) {
        return new TrialRecipe(new ArrayList<>(trials), baseArguments, patience, validation, seed, folds, data, digest, threads);
    }

    /** Runs trial {@code number} (from 1) here, on {@code threads} threads. */
    public TrialResult run(int number) {
        TrialPlans plans = new TrialPlans(baseArguments, patience > 0 ? EarlyStopping.onAccuracy(patience) : EarlyStopping.NONE);
        TuningRequest request = new TuningRequest(new ArrayList<>(trials), plans, ValidationOption.parse(validation, seed),
                folds, null, true);
        return new TuneModel(source(), new Execution(threads), Clock.systemUTC()).trial(request, number);
    }

    /** The data read here, refused unless it is the data the search was started on. A trial reads no test image. */
    private DatasetSource source() {
        DatasetSource files = data.open();
        LabelledImages train = TRAINING_IMAGES.computeIfAbsent(data, location -> {
            LabelledImages images = files.load(Split.TRAIN);
            if (!images.contentDigest().equals(digest)) {
                throw new DatasetException(location.directory() + ": these training images are not the ones the search "
                        + "was started on (" + images.contentDigest() + ", expected " + digest + ")");
            }
            return images;
        });
        return new DatasetSource() {
            @Override
            public LabelledImages load(Split split) {
                return split == Split.TRAIN ? train : files.load(split);
            }

            @Override
            public String describe() {
                return files.describe();
            }
        };
    }
}

package io.github.perceptron.core.usecase;

import io.github.perceptron.core.data.DatasetException;
import io.github.perceptron.core.data.DatasetSource;
import io.github.perceptron.core.data.LabelledImages;
import io.github.perceptron.core.data.Split;
import io.github.perceptron.core.data.ValidationSplit;
import io.github.perceptron.core.eval.Evaluation;
import io.github.perceptron.core.train.CheckpointPolicy;
import io.github.perceptron.core.train.DivergenceException;
import io.github.perceptron.core.train.EarlyStopping;
import io.github.perceptron.core.train.Execution;
import io.github.perceptron.core.train.Trainer;
import io.github.perceptron.core.train.TrainingListener;
import io.github.perceptron.core.train.TrainingPlan;
import io.github.perceptron.core.train.TrainingResult;
import io.github.perceptron.core.tune.TrialJournal;
import io.github.perceptron.core.tune.TrialResult;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Use case: search training settings honestly. Every trial trains on the training images less a
 * held-out part and is scored on that part (or on k folds in turn); the test set is touched once,
 * by the winner, at the very end, so nothing is chosen on it. Trials run in order and each is
 * journaled as it finishes: a search killed part-way and started again reads its finished trials
 * back and ends exactly as one never interrupted.
 */
public final class TuneModel {

    private final DatasetSource source;
    private final Execution execution;
    private final Clock clock;

    public TuneModel(DatasetSource source, Execution execution, Clock clock) {
        this.source = source;
        this.execution = execution;
        this.clock = clock;
    }

    public TuningResult tune(TuningRequest request, TrialJournal journal, TuningListener listener) {
        // Every trial's plan is built first: a bad value fails the search before any training.
        List<TrainingPlan> plans = request.trials().stream().map(request.planFor()).toList();
        List<Part> parts = parts(request);
        List<TrialResult> done = journal.finished();
        checkJournal(done, request);
        List<TrialResult> results = new ArrayList<>();
        double seconds = 0;
        boolean exhausted = false;
        int count = request.trials().size();
        for (int t = 0; t < count; t++) {
            TrialResult result;
            if (t < done.size()) {
                result = done.get(t);
                listener.trialFinished(result, count, true);
            } else {
                if (request.budget() != null && seconds >= request.budget().toNanos() / 1e9) {
                    exhausted = true;
                    break;
                }
                listener.trialStarted(t + 1, count, request.trials().get(t));
                result = run(t + 1, request.trials().get(t), plans.get(t), parts);
                journal.record(result);
                listener.trialFinished(result, count, false);
            }
            results.add(result);
            seconds += result.seconds();
        }
        TrialResult best = best(results);
        TrainingPlan winnerPlan = finalPlan(plans.get(best.number() - 1), best, request);
        listener.winnerTraining(best, winnerPlan);
        TrainModel training = new TrainModel(source, TrainingListener.NONE, clock, execution);
        TrainedModel winner = request.retrain() || request.folds() > 1
                ? training.train(winnerPlan, ValidationSplit.NONE, CheckpointPolicy.NONE)
                : training.train(winnerPlan, request.validation(), CheckpointPolicy.NONE);
        return new TuningResult(results, best, winnerPlan, winner, seconds, exhausted, Math.min(done.size(), results.size()));
    }

    /** The held-out parts trials are scored on: one split, or k folds. */
    private List<Part> parts(TuningRequest request) {
        LabelledImages all = source.load(Split.TRAIN);
        if (all.size() == 0) {
            throw new DatasetException(source.describe() + ": the training split holds no images");
        }
        if (request.folds() > 1) {
            // Each fold copies its images only while a trial trains on it.
            return ValidationSplit.folds(all, request.folds(), request.validation().seed()).stream()
                    .map(fold -> new Part(fold::train, fold::validation)).toList();
        }
        ValidationSplit.Holdout holdout = request.validation().apply(all);
        return List.of(new Part(holdout::train, holdout::validation));
    }

    /** A journal from another search would resume the wrong trials. */
    private static void checkJournal(List<TrialResult> done, TuningRequest request) {
        if (done.size() > request.trials().size()) {
            throw new IllegalArgumentException("the journal holds " + done.size() + " trials, the search has "
                    + request.trials().size());
        }
        for (int t = 0; t < done.size(); t++) {
            if (done.get(t).number() != t + 1 || !done.get(t).params().equals(request.trials().get(t))) {
                throw new IllegalArgumentException("the journal's trial " + (t + 1) + " tried " + done.get(t).params()
                        + ", this search's tries " + request.trials().get(t));
            }
        }
    }

    /** Trains {@code plan} on each part and scores the epoch it keeps; a diverging run is a failed trial. */
    private TrialResult run(int number, Map<String, String> params, TrainingPlan plan, List<Part> parts) {
        long start = System.nanoTime();
        double accuracy = 0;
        double loss = 0;
        int kept = 0;
        try {
            for (Part part : parts) {
                TrainingResult result = new Trainer(plan, execution, TrainingListener.NONE)
                        .train(part.train.get(), part.validation.get());
                Evaluation evaluation = result.history().get(result.keptEpoch() - 1).evaluation().orElseThrow();
                accuracy += evaluation.accuracy();
                loss += evaluation.loss();
                kept += result.keptEpoch();
            }
        } catch (DivergenceException e) {
            return new TrialResult(number, params, 0, Double.NaN, 0, (System.nanoTime() - start) / 1e9, e.getMessage());
        }
        return new TrialResult(number, params, accuracy / parts.size(), loss / parts.size(),
                (int) Math.round((double) kept / parts.size()), (System.nanoTime() - start) / 1e9, null);
    }

    private static TrialResult best(List<TrialResult> results) {
        TrialResult best = null;
        for (TrialResult result : results) {
            if (!result.failed() && (best == null || result.validationAccuracy() > best.validationAccuracy())) {
                best = result;
            }
        }
        if (best == null) {
            throw new TuningFailedException("every trial diverged; the first: " + results.get(0).failure());
        }
        return best;
    }

    /**
     * Retraining on every image has no held-out images to stop on, so it runs for the epochs the
     * winner kept, with early stopping off.
     */
    private static TrainingPlan finalPlan(TrainingPlan plan, TrialResult best, TuningRequest request) {
        if (!(request.retrain() || request.folds() > 1) || !plan.earlyStopping().isActive()) {
            return plan;
        }
        return plan.withEarlyStopping(EarlyStopping.NONE).withEpochs(Math.max(1, best.keptEpoch()));
    }

    /** Images to train a trial on and to score it on. */
    private record Part(Supplier<LabelledImages> train, Supplier<LabelledImages> validation) {
    }
}

package io.github.perceptron.core.tune;

import io.github.perceptron.core.data.DatasetException;
import io.github.perceptron.core.data.DatasetSource;
import io.github.perceptron.core.data.LabelledImages;
import io.github.perceptron.core.data.Split;
import io.github.perceptron.core.data.ValidationSplit;
import io.github.perceptron.core.eval.Evaluation;
import io.github.perceptron.core.train.DivergenceException;
import io.github.perceptron.core.train.EarlyStopping;
import io.github.perceptron.core.train.Threads;
import io.github.perceptron.core.train.TrainedModel;
import io.github.perceptron.core.train.TrainingListener;
import io.github.perceptron.core.train.TrainingPlan;
import io.github.perceptron.core.trainer.TrainedNetwork;
import io.github.perceptron.core.trainer.Trainer;
import io.github.perceptron.core.tune.TrialJournal;
import io.github.perceptron.core.tune.TrialResult;
import io.github.perceptron.core.tune.TrialRunner;
import io.github.perceptron.core.usecase.TrainModel;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Use case: search training settings honestly. Every trial trains on the training images less a
 * held-out part and is scored on that part (or on k folds in turn); the test set is touched once,
 * by the winner, at the very end, so nothing is chosen on it. Trials run on a {@link TrialRunner}
 * (one after another, or several at once) and are journaled in trial order as they finish: a search
 * killed part-way and started again reads its finished trials back and ends exactly as one never
 * interrupted, whatever ran them.
 */
public final class TuneModel {

    private final DatasetSource source;
    private final Threads execution;
    private final Clock clock;
    private final TrialRunner runner;

    public TuneModel(DatasetSource source, Threads execution, Clock clock) {
        this(source, execution, clock, TrialRunner.sequential());
    }

    /**
     * A search whose trials run on {@code runner}; trials running side by side share
     * {@code execution}'s threads. The result is the same whatever the runner.
     */
    public TuneModel(DatasetSource source, Threads execution, Clock clock, TrialRunner runner) {
        this.source = source;
        this.execution = execution;
        this.clock = clock;
        this.runner = runner;
    }

    public TuningResult tune(TuningRequest request, TrialJournal journal, TuningListener listener) {
        // Every trial's plan is built first: a bad value fails the search before any training.
        List<TrainingPlan> plans = request.plans();
        List<Part> parts = parts(request);
        List<TrialResult> done = journal.finished();
        checkJournal(done, request);
        int count = request.trials().size();
        List<TrialResult> results = new ArrayList<>();
        for (int t = 0; t < done.size(); t++) {
            results.add(done.get(t));
            listener.trialFinished(done.get(t), count, true);
        }
        InOrder progress = new InOrder(done, count, journal, listener);
        Threads perTrial = new Threads(Math.max(1, execution.count() / runner.parallelism()));
        List<TrialRunner.Trial> pending = new ArrayList<>();
        for (int t = done.size(); t < count; t++) {
            int number = t + 1;
            Map<String, String> params = request.trials().get(t);
            TrainingPlan plan = plans.get(t);
            pending.add(new TrialRunner.Trial(number, params, () -> progress.begin(number, params, request.budget()),
                    () -> run(number, params, plan, parts, perTrial)));
        }
        boolean exhausted = false;
        for (TrialResult result : runner.run(pending, progress::finished)) {
            if (result == null) {
                exhausted = true;
                break;
            }
            results.add(result);
        }
        double seconds = results.stream().mapToDouble(TrialResult::seconds).sum();
        TrialResult best = best(results);
        TrainingPlan winnerPlan = finalPlan(plans.get(best.number() - 1), best, request);
        listener.winnerTraining(best, winnerPlan);
        TrainModel training = new TrainModel(source).datedBy(clock).onThreads(execution.count());
        TrainedModel winner = request.retrain() || request.folds() > 1
                ? training.train(winnerPlan, ValidationSplit.NONE)
                : training.train(winnerPlan, request.validation());
        return new TuningResult(results, best, winnerPlan, winner, seconds, exhausted, Math.min(done.size(), results.size()));
    }

    /**
     * Runs trial {@code number} (from 1) of {@code request} alone, as {@link #tune} would: what a
     * runner that ships trials elsewhere calls where the trial runs.
     */
    public TrialResult trial(TuningRequest request, int number) {
        if (number < 1 || number > request.trials().size()) {
            throw new IllegalArgumentException("trial " + number + " of " + request.trials().size());
        }
        Map<String, String> params = request.trials().get(number - 1);
        return run(number, params, request.plans().get(number - 1), parts(request), execution);
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
    private static TrialResult run(int number, Map<String, String> params, TrainingPlan plan, List<Part> parts,
                                   Threads execution) {
        long start = System.nanoTime();
        double accuracy = 0;
        double loss = 0;
        int kept = 0;
        try {
            for (Part part : parts) {
                // A plan that normalises its images trains and is scored on them normalised, as TrainingRuns does.
                TrainedNetwork result = new Trainer(plan, execution, TrainingListener.NONE)
                        .train(plan.inputNormalisation().apply(part.train.get()),
                                plan.inputNormalisation().apply(part.validation.get()));
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

    /**
     * Journals and reports finished trials in trial order, whatever order they finish in: a journal
     * is a prefix of the search, so a search killed part-way resumes where its journal ends.
     */
    private static final class InOrder {
        private final Map<Integer, TrialResult> waiting = new HashMap<>();
        private final int count;
        private final TrialJournal journal;
        private final TuningListener listener;
        private int next;
        private double seconds;

        InOrder(List<TrialResult> done, int count, TrialJournal journal, TuningListener listener) {
            this.count = count;
            this.journal = journal;
            this.listener = listener;
            this.next = done.size() + 1;
            this.seconds = done.stream().mapToDouble(TrialResult::seconds).sum();
        }

        /** Reports a trial's start, unless the finished ones have taken the budget: then none starts. */
        synchronized boolean begin(int number, Map<String, String> params, Duration budget) {
            if (budget != null && seconds >= budget.toNanos() / 1e9) {
                return false;
            }
            listener.trialStarted(number, count, params);
            return true;
        }

        synchronized void finished(TrialResult result) {
            waiting.put(result.number(), result);
            for (TrialResult ready = waiting.remove(next); ready != null; ready = waiting.remove(next)) {
                journal.record(ready);
                listener.trialFinished(ready, count, false);
                seconds += ready.seconds();
                next++;
            }
        }
    }

    /** Images to train a trial on and to score it on. */
    private record Part(Supplier<LabelledImages> train, Supplier<LabelledImages> validation) {
    }
}

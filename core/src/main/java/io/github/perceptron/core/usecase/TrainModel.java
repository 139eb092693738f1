package io.github.perceptron.core.usecase;

import io.github.perceptron.core.checkpoint.CheckpointPolicy;
import io.github.perceptron.core.data.DatasetSource;
import io.github.perceptron.core.data.ValidationSplit;
import io.github.perceptron.core.model.Host;
import io.github.perceptron.core.run.TrainingRuns;
import io.github.perceptron.core.train.Threads;
import io.github.perceptron.core.train.TrainedModel;
import io.github.perceptron.core.train.TrainingListener;
import io.github.perceptron.core.train.TrainingPlan;
import java.time.Clock;

/**
 * Use case: train a model on a dataset's training split and measure it on the test split.
 *
 * <p>With a {@link ValidationSplit}, its images are held out of training and reported after every
 * epoch instead of the test set, which is then touched only once, at the end. Early stopping
 * watches the validation images only: a plan that stops early needs a split, so that nothing is
 * ever chosen on the test set.
 *
 * <p>One instance may run several trainings, one after the other or at once from several threads;
 * each gives the bits it would give alone.
 */
public final class TrainModel {

    private final TrainingRuns runs;

    /**
     * Training on {@code source}'s splits, on every processor, silently, dating models by the
     * system clock in UTC. The methods below make changed copies of this use case:
     * {@code new TrainModel(source).reportingTo(listener).onThreads(2)}.
     *
     * @param source where the training and test images come from; read at each training
     */
    public TrainModel(DatasetSource source) {
        this(new TrainingRuns(source));
    }

    private TrainModel(TrainingRuns runs) {
        this.runs = runs;
    }

    /**
     * This use case, reporting progress to {@code listener} (on the training thread).
     *
     * @param listener the listener; {@link TrainingListener#onEpoch} makes one from a lambda
     * @return a copy of this use case with that listener
     */
    public TrainModel reportingTo(TrainingListener listener) {
        return new TrainModel(runs.reportingTo(listener));
    }

    /**
     * This use case, computing on {@code threads} threads instead of one per processor. Speed only:
     * the weights are the same bits for any count.
     *
     * @param threads at least 1
     * @return a copy of this use case on that many threads
     * @throws IllegalArgumentException if {@code threads} is below 1
     */
    public TrainModel onThreads(int threads) {
        return new TrainModel(runs.on(new Threads(threads)));
    }

    /**
     * This use case, dating the models it makes ({@link io.github.perceptron.core.model.Provenance})
     * by {@code clock}: a fixed clock makes whole model files reproducible.
     *
     * @param clock the clock to read once per training
     * @return a copy of this use case with that clock
     */
    public TrainModel datedBy(Clock clock) {
        return new TrainModel(runs.datedBy(clock));
    }

    /**
     * This use case, recording {@code host} (the runtime, processor and commit) in the models' provenance.
     *
     * @param host what to record; core reads no system property itself
     * @return a copy of this use case recording that host
     */
    public TrainModel on(Host host) {
        return new TrainModel(runs.on(host));
    }

    /**
     * Trains on the whole training split, then measures the model on the test split. Runs on the
     * calling thread (and the kernel's workers); cancel it by interrupting that thread.
     *
     * @param plan the plan
     * @return the model, its history and its test figures
     * @throws IllegalArgumentException     if the plan does not fit the data, or stops early (which needs a split)
     * @throws io.github.perceptron.core.data.DatasetException if the data cannot be used
     * @throws io.github.perceptron.core.train.DivergenceException if the loss or a weight stops being finite
     * @throws io.github.perceptron.core.train.TrainingInterruptedException if the thread is interrupted
     */
    public TrainedModel train(TrainingPlan plan) {
        return train(plan, ValidationSplit.NONE);
    }

    /**
     * Trains, holding {@code validation}'s images out of training and reporting on them after every
     * epoch; then measures the model on the test split.
     *
     * @param plan       the plan
     * @param validation the images to hold out, or {@link ValidationSplit#NONE}
     * @return the model, its history and its test figures
     * @throws IllegalArgumentException     if the plan does not fit the data
     * @throws io.github.perceptron.core.data.DatasetException if the data cannot be used
     * @throws io.github.perceptron.core.train.DivergenceException if the loss or a weight stops being finite
     * @throws io.github.perceptron.core.train.TrainingInterruptedException if the thread is interrupted
     */
    public TrainedModel train(TrainingPlan plan, ValidationSplit validation) {
        return runs.train(plan, validation, CheckpointPolicy.NONE);
    }
}

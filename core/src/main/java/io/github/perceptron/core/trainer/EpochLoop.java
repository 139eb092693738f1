package io.github.perceptron.core.trainer;

import io.github.perceptron.core.checkpoint.BestEpoch;
import io.github.perceptron.core.data.LabelledImages;
import io.github.perceptron.core.engine.Evaluator;
import io.github.perceptron.core.eval.Evaluation;
import io.github.perceptron.core.train.EpochReport;
import io.github.perceptron.core.train.StopReason;
import io.github.perceptron.core.train.TrainingListener;
import io.github.perceptron.core.train.TrainingPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A run's epochs, from where it stands to the plan's last: each a pass over the shuffled data,
 * then the evaluation, the report, early stopping's verdict, a stop asked for, and the checkpoint.
 * A plan that averages weights adds each of its last epochs' weights to the average, and the last
 * epoch is evaluated and reported on the average, the model the run keeps.
 */
final class EpochLoop {

    private final TrainingPlan plan;
    private final TrainingListener listener;
    private final Checkpointing checkpointing;

    EpochLoop(TrainingPlan plan, TrainingListener listener, Checkpointing checkpointing) {
        this.plan = plan;
        this.listener = listener;
        this.checkpointing = checkpointing;
    }

    /** Runs epochs {@code done + 1} to the plan's last, carrying on early stopping's memory {@code best}. */
    TrainedNetwork run(TrainingSteps steps, int done, BestEpoch best, LabelledImages evaluation) {
        EarlyStopWatch watch = new EarlyStopWatch(plan.earlyStopping(), best);
        List<EpochReport> history = new ArrayList<>();
        WeightAverage average = plan.averagesWeights() ? new WeightAverage(steps.network()) : null;
        int last = done;
        for (int epoch = done + 1; epoch <= plan.epochs(); epoch++) {
            EpochReport report = epoch(steps, epoch, evaluation, epoch > plan.lastEpochBeforeAveraging() ? average : null);
            history.add(report);
            last = epoch;
            watch.observe(report, steps.network());
            listener.epochCompleted(report);
            boolean patienceOut = epoch < plan.epochs() && watch.exhausted();
            // Only a requested stop can be resumed, so only it saves the stopping checkpoint.
            boolean requested = epoch < plan.epochs() && !patienceOut && listener.stopRequested();
            checkpointing.afterEpoch(steps, epoch, requested, watch.state());
            if (requested) {
                return new TrainedNetwork(steps.network(), history, StopReason.REQUESTED, epoch);
            }
            if (patienceOut) {
                return new TrainedNetwork(steps.network(), history, StopReason.PATIENCE,
                        watch.restoreInto(steps.network(), epoch));
            }
        }
        return new TrainedNetwork(steps.network(), history, StopReason.COMPLETED, watch.restoreInto(steps.network(), last));
    }

    /**
     * One pass over the shuffled training set, then the evaluation (when given); {@code average},
     * when not null, takes the epoch's weights and, after the last epoch, replaces them.
     */
    private EpochReport epoch(TrainingSteps steps, int epoch, LabelledImages evaluation, WeightAverage average) {
        long start = System.nanoTime();
        steps.startEpoch();
        double lossSum = 0;
        long correct = 0;
        double learningRate = 0;
        int batches = steps.batches();
        for (int b = 0; b < batches; b++) {
            learningRate = steps.learningRate(epoch, b);
            lossSum += steps.step(epoch, b, learningRate);
            correct += steps.correctInLastBatch(b);
            listener.batchCompleted(epoch, b + 1, batches, lossSum / (b * plan.batchSize() + steps.rows(b)));
        }
        steps.requireFiniteWeights(epoch, learningRate);
        if (average != null) {
            average.add(steps.network());
            if (epoch == plan.epochs()) {
                average.writeInto(steps.network());
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Optional<Evaluation> evaluated = Optional.ofNullable(evaluation).map(e -> Evaluator.evaluate(steps.network(), e));
        return new EpochReport(epoch, lossSum / steps.examples(), (double) correct / steps.examples(), evaluated, seconds,
                learningRate);
    }
}

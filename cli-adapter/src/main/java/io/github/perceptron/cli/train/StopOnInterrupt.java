package io.github.perceptron.cli.train;

import io.github.perceptron.cli.train.Interrupts;
import io.github.perceptron.cli.train.StopOnInterrupt;
import io.github.perceptron.cli.train.TrainingReporter;
import io.github.perceptron.core.data.ValidationSplit;
import io.github.perceptron.core.train.EpochReport;
import io.github.perceptron.core.train.TrainedModel;
import io.github.perceptron.core.train.TrainingPlan;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Asks training to stop when the user interrupts (Ctrl-C or SIGTERM ends the run after the current
 * epoch), around a reporter, and counts the epochs done for the stop notice. Early stopping is the
 * plan's, in core.
 */
public final class StopOnInterrupt implements TrainingReporter {

    private final TrainingReporter reporter;
    private final Interrupts interrupts;
    private final AtomicInteger epochsDone;

    /** @param epochsDone the epochs done so far (more than 0 on a resumed run), which each epoch's end sets */
    public StopOnInterrupt(TrainingReporter reporter, Interrupts interrupts, AtomicInteger epochsDone) {
        this.reporter = reporter;
        this.interrupts = interrupts;
        this.epochsDone = epochsDone;
    }

    @Override
    public void started(TrainingPlan plan, String dataset) {
        reporter.started(plan, dataset);
    }

    @Override
    public void batchCompleted(int epoch, int batch, int batches, double meanLoss) {
        reporter.batchCompleted(epoch, batch, batches, meanLoss);
    }

    @Override
    public void epochCompleted(EpochReport report) {
        epochsDone.set(report.epoch());
        reporter.epochCompleted(report);
    }

    @Override
    public void validationHeldOut(ValidationSplit.Holdout holdout) {
        reporter.validationHeldOut(holdout);
    }

    @Override
    public void checkpointFailed(int epoch, RuntimeException failure) {
        reporter.checkpointFailed(epoch, failure);
    }

    @Override
    public boolean stopRequested() {
        return interrupts.requested();
    }

    @Override
    public void finished(TrainedModel trained, Path savedTo) {
        reporter.finished(trained, savedTo);
    }
}

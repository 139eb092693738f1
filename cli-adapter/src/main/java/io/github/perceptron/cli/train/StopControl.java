package io.github.perceptron.cli.train;

import io.github.perceptron.core.train.EpochReport;
import io.github.perceptron.core.train.TrainingPlan;
import io.github.perceptron.core.usecase.TrainedModel;
import java.nio.file.Path;

/**
 * Decides when training stops early, around a reporter: when the user interrupts (Ctrl-C or SIGTERM
 * ends the run after the current epoch, with a checkpoint), or when the per-epoch evaluation accuracy
 * has not improved for {@code patience} epochs.
 */
public final class StopControl implements TrainCommand.TrainingReporter {

    private final TrainCommand.TrainingReporter reporter;
    private final Interrupts interrupts;
    private final int patience;
    private double best = Double.NEGATIVE_INFINITY;
    private int sinceBest;

  public   StopControl(TrainCommand.TrainingReporter reporter, Interrupts interrupts, int patience) {
        this.reporter = reporter;
        this.interrupts = interrupts;
        this.patience = patience;
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
        reporter.epochCompleted(report);
        double accuracy = report.evaluation().map(e -> e.accuracy()).orElse(Double.NaN);
        if (accuracy > best) {
            best = accuracy;
            sinceBest = 0;
        } else {
            sinceBest++;
        }
    }

    @Override
    public void checkpointFailed(int epoch, RuntimeException failure) {
        reporter.checkpointFailed(epoch, failure);
    }

    @Override
    public boolean stopRequested() {
        return interrupts.requested() || (patience > 0 && sinceBest >= patience);
    }

    /** Whether the stop came from the user rather than from patience. */
    boolean interrupted() {
        return interrupts.requested();
    }

    @Override
    public void finished(TrainedModel trained, Path savedTo) {
        reporter.finished(trained, savedTo);
    }
}

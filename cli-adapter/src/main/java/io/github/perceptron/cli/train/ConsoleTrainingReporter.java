package io.github.perceptron.cli.train;

import io.github.perceptron.cli.common.Median;
import io.github.perceptron.cli.console.Console;
import io.github.perceptron.core.data.ValidationSplit;
import io.github.perceptron.core.eval.Evaluation;
import io.github.perceptron.core.network.NetworkSpec;
import io.github.perceptron.core.train.EpochReport;
import io.github.perceptron.core.train.StopReason;
import io.github.perceptron.core.train.TrainedModel;
import io.github.perceptron.core.train.TrainingPlan;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Human-readable training output: an epoch line each epoch on stdout and, on a terminal, a
 * progress bar on stderr while the epoch runs (samples/s, ETA, running loss).
 */
public final class ConsoleTrainingReporter implements TrainingReporter {

    private static final int BAR_WIDTH = 20;
    private static final int DEFAULT_COLUMNS = 80;

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean terminal;
    private final boolean quiet;
    private final String evaluatedOn;
    private final int columns;
    private int epochs;
    private int batchSize;
    private long epochStart;
    private int lastDrawnPercent = -1;

    public ConsoleTrainingReporter(Console console, boolean quiet, String evaluatedOn) {
        this(console, quiet, evaluatedOn, DEFAULT_COLUMNS);
    }

    /** {@code columns}: the terminal's width; a progress line never reaches the last column, so it never wraps. */
    public ConsoleTrainingReporter(Console console, boolean quiet, String evaluatedOn, int columns) {
        this.out = console.out();
        this.err = console.err();
        this.terminal = console.terminal();
        this.quiet = quiet;
        this.evaluatedOn = evaluatedOn;
        this.columns = Math.max(columns, 2);
    }

    /** The width from {@code $COLUMNS} when the shell exports it, else the classic 80. */
    public static int columns(java.util.Map<String, String> environment) {
        try {
            return Integer.parseInt(environment.getOrDefault("COLUMNS", "").strip());
        } catch (NumberFormatException e) {
            return DEFAULT_COLUMNS;
        }
    }

    @Override
    public void started(TrainingPlan plan, String dataset) {
        epochs = plan.epochs();
        batchSize = plan.batchSize();
        epochStart = System.nanoTime();
        if (quiet) {
            return;
        }
        NetworkSpec network = plan.network();
        out.printf(Locale.ROOT, "training %s on %s: %s loss, %s lr %s, %d epochs of batch %d, seed %d%n",
                network.sizes(), dataset, network.loss().id(), plan.optimizer().id(), plan.optimizer().learningRate(),
                plan.epochs(), plan.batchSize(), plan.seed());
        out.flush();
    }

    @Override
    public void validationHeldOut(ValidationSplit.Holdout holdout) {
        if (quiet || holdout.validation().size() == 0) {
            return;
        }
        out.println(describe(holdout));
        out.flush();
    }

    /** One line saying which images are held out, for the console and the launcher's note. */
    static String describe(ValidationSplit.Holdout holdout) {
        ValidationSplit split = holdout.split();
        int total = holdout.train().size() + holdout.validation().size();
        return String.format(Locale.ROOT, "validation: %,d of the %,d training images held out (%s), never trained on",
                holdout.validation().size(), total, split.kind() == ValidationSplit.Kind.LAST
                        ? "the last ones, as this checkpoint's run did"
                        : "stratified by class, seed " + split.seed());
    }

    @Override
    public void batchCompleted(int epoch, int batch, int batches, double meanLoss) {
        if (quiet || !terminal) {
            return;
        }
        int percent = 100 * batch / batches;
        if (percent == lastDrawnPercent) {
            return;
        }
        lastDrawnPercent = percent;
        double seconds = (System.nanoTime() - epochStart) / 1e9;
        double rate = batch * (double) batchSize / Math.max(seconds, 1e-9);
        double eta = seconds / batch * (batches - batch);
        int filled = BAR_WIDTH * batch / batches;
        String line = String.format(Locale.ROOT, "epoch %d/%d [%s%s] %3d%% %,.0f samples/s ETA %.0fs loss %.4f", epoch,
                epochs, "=".repeat(filled), " ".repeat(BAR_WIDTH - filled), percent, rate, eta, meanLoss);
        err.print("\r" + (line.length() < columns ? line : line.substring(0, columns - 1)));
        err.flush();
    }

    @Override
    public void epochCompleted(EpochReport report) {
        if (terminal && !quiet) {
            err.print("\r\033[K");
            err.flush();
        }
        lastDrawnPercent = -1;
        if (!quiet) {
            String evaluation = report.evaluation().map(e -> String.format(Locale.ROOT, "  %s loss %.4f  %s accuracy %.2f%%",
                    evaluatedOn, e.loss(), evaluatedOn, 100 * e.accuracy())).orElse("");
            out.printf(Locale.ROOT, "epoch %2d/%d  train loss %.4f  train accuracy %.2f%%%s  %.1fs%n", report.epoch(), epochs,
                    report.trainLoss(), 100 * report.trainAccuracy(), evaluation, report.seconds());
            out.flush();
        }
        epochStart = System.nanoTime();
    }

    @Override
    public void checkpointFailed(int epoch, RuntimeException failure) {
        // Even when quiet: the user asked for checkpoints and is not getting them.
        err.println("perceptron: warning: the checkpoint after epoch " + epoch + " was not saved (" + failure.getMessage()
                + "); training goes on");
        err.flush();
    }

    /** Each class's recall on one line: where an imbalanced dataset hurts, it shows. */
    public static String recallPerClass(Evaluation evaluation) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < evaluation.classNames().size(); c++) {
            line.append(c == 0 ? "" : ", ").append(evaluation.classNames().get(c))
                    .append(String.format(Locale.ROOT, " %.1f%%", 100 * evaluation.recall(c)));
        }
        return line.toString();
    }

    @Override
    public void finished(TrainedModel trained, Path savedTo) {
        if (trained.stopReason() == StopReason.PATIENCE && !quiet) {
            out.printf(Locale.ROOT, "stopped after epoch %d: the %s stopped improving; kept epoch %d's weights%n",
                    trained.history().get(trained.history().size() - 1).epoch(), evaluatedOn, trained.keptEpoch());
        }
        Evaluation test = trained.test();
        out.printf(Locale.ROOT, "test accuracy %.2f%% (%d/%d), test loss %.4f, %.2fs per epoch (median)%n",
                100 * test.accuracy(), Math.round(test.accuracy() * test.count()), test.count(), test.loss(),
                Median.secondsPerEpoch(trained.history()));
        out.println("test recall per class: " + recallPerClass(test));
        out.println("model saved to " + savedTo);
        out.flush();
    }
}

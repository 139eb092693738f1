package io.github.perceptron.cli.train;

import io.github.perceptron.cli.common.JsonLine;
import io.github.perceptron.cli.common.Median;

import io.github.perceptron.core.train.EpochReport;
import io.github.perceptron.core.train.TrainingPlan;
import io.github.perceptron.core.usecase.TrainedModel;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code --json}: one object per line on stdout, an {@code epoch} event per epoch, a
 * {@code checkpoint_failed} event when a regular checkpoint cannot be saved, and a final {@code done}. */
public final class JsonTrainingReporter implements TrainCommand.TrainingReporter {

    private final PrintWriter out;
    private final String evaluatedOn;

    /** {@code evaluatedOn} prefixes the per-epoch evaluation keys: {@code test} or {@code validation}. */
    public JsonTrainingReporter(PrintWriter out, String evaluatedOn) {
        this.out = out;
        this.evaluatedOn = evaluatedOn;
    }

    @Override
    public void started(TrainingPlan plan, String dataset) {
    }

    @Override
    public void epochCompleted(EpochReport report) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("event", "epoch");
        event.put("epoch", report.epoch());
        event.put("train_loss", report.trainLoss());
        event.put("train_accuracy", report.trainAccuracy());
        report.evaluation().ifPresent(e -> {
            event.put(evaluatedOn + "_loss", e.loss());
            event.put(evaluatedOn + "_accuracy", e.accuracy());
        });
        event.put("seconds", report.seconds());
        event.put("learning_rate", report.learningRate());
        print(event);
    }

    @Override
    public void checkpointFailed(int epoch, RuntimeException failure) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("event", "checkpoint_failed");
        event.put("epoch", epoch);
        event.put("error", failure.getMessage());
        print(event);
    }

    @Override
    public void finished(TrainedModel trained, Path savedTo) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("event", "done");
        event.put("test_accuracy", trained.test().accuracy());
        event.put("test_loss", trained.test().loss());
        event.put("epochs", trained.history().size());
        event.put("seconds_per_epoch_median", Median.secondsPerEpoch(trained.history()));
        event.put("model", savedTo.toString());
        print(event);
    }

    private void print(Map<String, Object> event) {
        out.println(JsonLine.of(event));
        out.flush();
    }
}

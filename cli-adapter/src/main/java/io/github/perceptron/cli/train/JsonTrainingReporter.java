package io.github.perceptron.cli.train;

import io.github.perceptron.cli.common.Median;
import io.github.perceptron.cli.console.JsonLine;
import io.github.perceptron.core.data.ValidationSplit;
import io.github.perceptron.core.train.EpochReport;
import io.github.perceptron.core.train.StopReason;
import io.github.perceptron.core.train.TrainedModel;
import io.github.perceptron.core.train.TrainingPlan;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code --json}: one object per line on stdout: a {@code validation_split} event when images are
 * held out, an {@code epoch} event per epoch, a {@code checkpoint_failed} event when a regular
 * checkpoint cannot be saved, a {@code stopped} event when early stopping ends the run, and a
 * final {@code done}.
 */
public final class JsonTrainingReporter implements TrainingReporter {

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
    public void validationHeldOut(ValidationSplit.Holdout holdout) {
        if (holdout.validation().size() == 0) {
            return;
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("event", "validation_split");
        event.put("kind", holdout.split().kind() == ValidationSplit.Kind.LAST ? "last" : "stratified");
        event.put("seed", holdout.split().seed());
        event.put("validation_images", holdout.validation().size());
        event.put("training_images", holdout.train().size());
        Map<String, Integer> perClass = new LinkedHashMap<>();
        int[] counts = holdout.perClass();
        for (int c = 0; c < counts.length; c++) {
            perClass.put(holdout.validation().classNames().get(c), counts[c]);
        }
        event.put("validation_per_class", perClass);
        print(event);
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
        if (trained.stopReason() == StopReason.PATIENCE) {
            Map<String, Object> stopped = new LinkedHashMap<>();
            stopped.put("event", "stopped");
            stopped.put("reason", StopReason.PATIENCE.id());
            stopped.put("epoch", trained.history().get(trained.history().size() - 1).epoch());
            stopped.put("best_epoch", trained.keptEpoch());
            print(stopped);
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("event", "done");
        event.put("test_accuracy", trained.test().accuracy());
        event.put("test_loss", trained.test().loss());
        Map<String, Double> recall = new LinkedHashMap<>();
        for (int c = 0; c < trained.test().classNames().size(); c++) {
            recall.put(trained.test().classNames().get(c), trained.test().recall(c));
        }
        event.put("test_recall", recall);
        event.put("epochs", trained.history().size());
        event.put("kept_epoch", trained.keptEpoch());
        event.put("seconds_per_epoch_median", Median.secondsPerEpoch(trained.history()));
        event.put("model", savedTo.toString());
        event.put("weights", trained.model().weightsDigest());
        print(event);
    }

    private void print(Map<String, Object> event) {
        out.println(JsonLine.of(event));
        out.flush();
    }
}

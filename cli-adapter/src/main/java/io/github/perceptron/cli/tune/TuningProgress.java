package io.github.perceptron.cli.tune;

import io.github.perceptron.cli.common.Console;
import io.github.perceptron.cli.common.JsonLine;
import io.github.perceptron.core.train.TrainingPlan;
import io.github.perceptron.core.tune.TrialResult;
import io.github.perceptron.core.usecase.TuningListener;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A search's progress: a line per trial for people, or a {@code trial} event per trial with {@code --json}. */
final class TuningProgress implements TuningListener {

    private final PrintWriter out;
    private final boolean json;
    private final boolean quiet;

    TuningProgress(Console console, boolean json, boolean quiet) {
        this.out = console.out();
        this.json = json;
        this.quiet = quiet;
    }

    @Override
    public void trialFinished(TrialResult result, int count, boolean resumed) {
        if (json) {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("event", "trial");
            event.put("trial", result.number());
            event.put("params", result.params());
            event.put("validation_accuracy", result.validationAccuracy());
            event.put("validation_loss", result.validationLoss());
            event.put("kept_epoch", result.keptEpoch());
            event.put("seconds", result.seconds());
            event.put("resumed", resumed);
            if (result.failed()) {
                event.put("failure", result.failure());
            }
            out.println(JsonLine.of(event));
        } else if (!quiet) {
            out.printf(Locale.ROOT, "trial %d/%d%s: %s: %s%n", result.number(), count, resumed ? " (from the journal)" : "",
                    TuningReport.describe(result), result.failed() ? "diverged" : String.format(Locale.ROOT,
                            "validation accuracy %.2f%% (epoch %d), %.1fs", 100 * result.validationAccuracy(),
                            result.keptEpoch(), result.seconds()));
        }
        out.flush();
    }

    @Override
    public void winnerTraining(TrialResult best, TrainingPlan plan) {
        if (!json && !quiet) {
            out.printf(Locale.ROOT, "winner: trial %d; training it for %d epochs and testing it once%n", best.number(),
                    plan.epochs());
            out.flush();
        }
    }
}

package io.github.perceptron.cli.tune;

import io.github.perceptron.cli.console.Console;
import io.github.perceptron.cli.console.JsonLine;
import io.github.perceptron.core.train.TrainingPlan;
import io.github.perceptron.core.tune.TrialResult;
import io.github.perceptron.core.tune.TuningListener;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A search's progress: a line per trial for people, or a {@code trial} event per trial with
 * {@code --json}, each with the trials done out of all and the time the rest should take.
 */
final class TuningProgress implements TuningListener {

    private final PrintWriter out;
    private final boolean json;
    private final boolean quiet;
    private int done;
    private int resumedTrials;
    private long startNanos;

    TuningProgress(Console console, boolean json, boolean quiet) {
        this.out = console.out();
        this.json = json;
        this.quiet = quiet;
    }

    @Override
    public void trialFinished(TrialResult result, int count, boolean resumed) {
        if (resumed) {
            resumedTrials++;
        } else if (startNanos == 0) {
            // The first trial run here ends: the clock for the rest started when it did.
            startNanos = System.nanoTime() - (long) (result.seconds() * 1e9);
        }
        done++;
        Double eta = resumed ? null : secondsLeft(count);
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
            event.put("done", done);
            event.put("of", count);
            if (eta != null) {
                event.put("eta_seconds", eta);
            }
            out.println(JsonLine.of(event));
        } else if (!quiet) {
            out.printf(Locale.ROOT, "trial %d/%d%s: %s: %s%s%n", result.number(), count, resumed ? " (from the journal)" : "",
                    TuningReport.describe(result), result.failed() ? "diverged" : String.format(Locale.ROOT,
                            "validation accuracy %.2f%% (epoch %d), %.1fs", 100 * result.validationAccuracy(),
                            result.keptEpoch(), result.seconds()),
                    eta == null || done == count ? "" : String.format(Locale.ROOT, "; %d of %d done, about %s left", done,
                            count, duration(eta)));
        }
        out.flush();
    }

    /**
     * The trials still to run, at the pace of those run here so far (wall time, so trials that
     * run side by side or on a cluster count at the rate they really finish).
     */
    private double secondsLeft(int count) {
        int ranHere = done - resumedTrials;
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        return ranHere == 0 ? 0 : elapsed / ranHere * (count - done);
    }

    static String duration(double seconds) {
        long whole = Math.round(seconds);
        if (whole < 60) {
            return whole + "s";
        }
        if (whole < 3600) {
            return whole / 60 + "m" + String.format(Locale.ROOT, "%02d", whole % 60) + "s";
        }
        return whole / 3600 + "h" + String.format(Locale.ROOT, "%02d", whole / 60 % 60) + "m";
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

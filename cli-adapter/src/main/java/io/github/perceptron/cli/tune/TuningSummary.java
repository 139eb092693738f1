package io.github.perceptron.cli.tune;

import io.github.perceptron.cli.console.Console;
import io.github.perceptron.cli.console.JsonLine;
import io.github.perceptron.core.tune.TuningResult;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A search's last word on the console: the winner, its test accuracy and where the files are, as text or a JSON done event. */
final class TuningSummary {

    private final Console console;
    private final boolean json;

    TuningSummary(Console console, boolean json) {
        this.console = console;
        this.json = json;
    }

    void print(TuningResult result, TuneOutputs files) {
        if (json) {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("event", "done");
            event.put("best_trial", result.best().number());
            event.put("best_params", result.best().params());
            event.put("best_validation_accuracy", result.best().validationAccuracy());
            event.put("test_accuracy", result.winner().test().accuracy());
            event.put("test_loss", result.winner().test().loss());
            event.put("trials", result.trials().size());
            event.put("resumed_trials", result.resumed());
            event.put("seconds_used", result.secondsUsed());
            event.put("budget_exhausted", result.budgetExhausted());
            event.put("epochs", result.winnerPlan().epochs());
            event.put("model", files.model.toString());
            event.put("report", files.report.toString());
            console.out().println(JsonLine.of(event));
        } else {
            console.out().printf(Locale.ROOT, "best: trial %d (%s), validation accuracy %.2f%%; test accuracy %.2f%%%n",
                    result.best().number(), TuningReport.describe(result.best()), 100 * result.best().validationAccuracy(),
                    100 * result.winner().test().accuracy());
            console.out().println("model saved to " + files.model + "; report in " + files.report);
        }
        console.out().flush();
    }
}

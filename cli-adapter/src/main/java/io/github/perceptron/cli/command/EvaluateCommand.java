package io.github.perceptron.cli.command;

import io.github.perceptron.cli.console.Console;
import io.github.perceptron.cli.console.JsonLine;
import io.github.perceptron.cli.data.DatasetOptions;
import io.github.perceptron.cli.files.ModelOption;
import io.github.perceptron.core.data.Split;
import io.github.perceptron.core.eval.Evaluation;
import io.github.perceptron.core.model.ModelStore;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code perceptron evaluate}: loss, accuracy, confusion matrix and per-class figures on the test split. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Measure a saved model on a dataset's test split.")
public final class EvaluateCommand implements Callable<Integer> {

    private final ModelStore store;
    private final Console console;

    @Mixin
    ModelOption model;

    @Mixin
    DatasetOptions dataset;

    @Option(names = "--json", description = "Print one JSON object: accuracy, loss, confusion_matrix, per_class.")
    boolean json;

    @Inject
    EvaluateCommand(ModelStore store, Console console) {
        this.store = store;
        this.console = console;
    }

    @Override
    public Integer call() {
        Evaluation evaluation = store.load(model.file()).evaluate(dataset.open(json).load(Split.TEST));
        if (json) {
            console.out().println(JsonLine.of(asJson(evaluation)));
        } else {
            print(evaluation, console.out());
        }
        return 0;
    }

    private static Map<String, Object> asJson(Evaluation evaluation) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("accuracy", evaluation.accuracy());
        result.put("loss", evaluation.loss());
        result.put("count", evaluation.count());
        result.put("confusion_matrix", evaluation.confusion());
        List<Map<String, Object>> perClass = new ArrayList<>();
        for (int c = 0; c < evaluation.classNames().size(); c++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("class", evaluation.classNames().get(c));
            row.put("precision", evaluation.precision(c));
            row.put("recall", evaluation.recall(c));
            perClass.add(row);
        }
        result.put("per_class", perClass);
        return result;
    }

    private static void print(Evaluation evaluation, PrintWriter out) {
        out.printf(Locale.ROOT, "accuracy %.2f%% on %d images, loss %.4f%n%n", 100 * evaluation.accuracy(),
                evaluation.count(), evaluation.loss());
        List<String> names = evaluation.classNames();
        int[][] confusion = evaluation.confusion();
        out.println("confusion matrix (rows: actual, columns: predicted)");
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%12s", ""));
        for (int c = 0; c < names.size(); c++) {
            header.append(String.format(Locale.ROOT, "%6d", c));
        }
        out.println(header);
        for (int a = 0; a < names.size(); a++) {
            // The index once: digits are named by their index ("0", not "0 0"); other names follow it.
            String label = names.get(a).equals(Integer.toString(a)) ? names.get(a) : a + " " + names.get(a);
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%12s", abbreviate(label)));
            for (int p = 0; p < names.size(); p++) {
                row.append(String.format(Locale.ROOT, "%6d", confusion[a][p]));
            }
            out.println(row);
        }
        out.printf(Locale.ROOT, "%n%-16s %9s %9s%n", "class", "precision", "recall");
        for (int c = 0; c < names.size(); c++) {
            out.printf(Locale.ROOT, "%-16s %8.2f%% %8.2f%%%n", abbreviate(names.get(c)), 100 * evaluation.precision(c),
                    100 * evaluation.recall(c));
        }
    }

    private static String abbreviate(String name) {
        return name.length() <= 12 ? name : name.substring(0, 11) + "…";
    }
}

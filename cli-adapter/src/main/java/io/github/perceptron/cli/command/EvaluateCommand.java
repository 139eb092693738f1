package io.github.perceptron.cli.command;

import io.github.perceptron.cli.console.Console;
import io.github.perceptron.cli.console.JsonLine;
import io.github.perceptron.cli.data.DatasetOptions;
import io.github.perceptron.cli.files.ModelOption;
import io.github.perceptron.core.data.LabelledImages;
import io.github.perceptron.core.data.Split;
import io.github.perceptron.core.eval.Evaluation;
import io.github.perceptron.core.model.Model;
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
        Model loaded = store.load(model.file());
        LabelledImages test = dataset.open(json).load(Split.TEST);
        // A committee against its members, and the committee of its first k: measured here, never chosen here.
        List<Evaluation> firstMembers = loaded.evaluateFirstMembers(test);
        Evaluation evaluation = firstMembers.get(firstMembers.size() - 1);
        List<Evaluation> members = new ArrayList<>();
        for (Model member : loaded.members()) {
            members.add(member.evaluate(test));
        }
        if (json) {
            Map<String, Object> result = asJson(evaluation);
            if (loaded.isCommittee()) {
                result.put("members", members.stream().map(EvaluateCommand::figures).toList());
                result.put("first_members", firstMembers.stream().map(EvaluateCommand::figures).toList());
            }
            console.out().println(JsonLine.of(result));
        } else {
            print(evaluation, console.out());
            if (loaded.isCommittee()) {
                printMembers(evaluation, members, firstMembers, console.out());
            }
        }
        return 0;
    }

    private static Map<String, Object> figures(Evaluation evaluation) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("accuracy", evaluation.accuracy());
        figures.put("loss", evaluation.loss());
        return figures;
    }

    /** Each member alone, the best of them, and the committee of the first k members for every k. */
    private static void printMembers(Evaluation committee, List<Evaluation> members, List<Evaluation> firstMembers,
                                     PrintWriter out) {
        out.printf(Locale.ROOT, "%n%-16s %9s %9s %s%n", "committee of", "accuracy", "loss", "  member alone: accuracy, loss");
        int best = 0;
        for (int k = 0; k < members.size(); k++) {
            best = members.get(k).accuracy() > members.get(best).accuracy() ? k : best;
            out.printf(Locale.ROOT, "%-16s %8.2f%% %9.4f   member %d: %.2f%%, %.4f%n", "the first " + (k + 1),
                    100 * firstMembers.get(k).accuracy(), firstMembers.get(k).loss(), k + 1, 100 * members.get(k).accuracy(),
                    members.get(k).loss());
        }
        out.printf(Locale.ROOT, "the committee %.2f%% against its best member's %.2f%% (member %d): %+.2f points%n",
                100 * committee.accuracy(), 100 * members.get(best).accuracy(), best + 1,
                100 * (committee.accuracy() - members.get(best).accuracy()));
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

package io.github.perceptron.cli.compare;

import io.github.perceptron.cli.chart.ChartFile;
import io.github.perceptron.cli.chart.LinePanel;
import io.github.perceptron.cli.chart.Series;
import io.github.perceptron.cli.common.Median;
import io.github.perceptron.cli.files.FileOutput;
import io.github.perceptron.core.train.EpochReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The output of {@code compare}: {@code results.csv} (every epoch of every run),
 * {@code accuracy.png} and {@code loss.png} (mean over seeds with a min–max band per
 * configuration), and a Markdown report with the summary table and what each task changed.
 */
final class ComparisonReport {

    /** One run of one configuration with one seed. */
    record Result(ComparePreset.Run run, int seed, List<EpochReport> history) {
    }

    private final FileOutput output;
    private final ComparePreset preset;
    private final Map<ComparePreset.Run, List<Result>> byRun = new LinkedHashMap<>();
    private final String dataset;
    private final int epochs;
    private final int seeds;
    /** Each configuration's seeds as a committee, when {@code --committee} asked for it; empty otherwise. */
    private final Map<ComparePreset.Run, SeedCommittee> committees;

    ComparisonReport(FileOutput output, ComparePreset preset, List<Result> results, String dataset, int epochs, int seeds,
                     Map<ComparePreset.Run, SeedCommittee> committees) {
        this.committees = Map.copyOf(committees);
        this.output = output;
        this.preset = preset;
        this.dataset = dataset;
        this.epochs = epochs;
        this.seeds = seeds;
        for (Result result : results) {
            byRun.computeIfAbsent(result.run(), r -> new ArrayList<>()).add(result);
        }
    }

    void write(Path directory, Path markdown) throws IOException {
        Files.createDirectories(directory);
        writeCsv(directory.resolve("results.csv"));
        chart(directory.resolve("accuracy.png"), "Test accuracy per epoch", "test accuracy (%)",
                r -> 100 * r.evaluation().orElseThrow().accuracy());
        chart(directory.resolve("loss.png"), "Training loss per epoch", "training loss", EpochReport::trainLoss);
        Path parent = markdown.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        String images = parent.relativize(directory.toAbsolutePath()).toString().replace('\\', '/');
        byte[] text = markdown(images.isEmpty() ? "." : images).getBytes(StandardCharsets.UTF_8);
        output.replace(markdown, out -> out.write(text));
    }

    private void writeCsv(Path file) throws IOException {
        StringBuilder csv = new StringBuilder("configuration,seed,epoch,train_loss,train_accuracy,test_loss,test_accuracy,seconds\n");
        byRun.forEach((run, results) -> results.forEach(result -> result.history().forEach(r -> csv.append(String.format(
                Locale.ROOT, "\"%s\",%d,%d,%.6f,%.6f,%.6f,%.6f,%.4f%n", run.name(), result.seed(), r.epoch(), r.trainLoss(),
                r.trainAccuracy(), r.evaluation().orElseThrow().loss(), r.evaluation().orElseThrow().accuracy(), r.seconds())))));
        byte[] text = csv.toString().getBytes(StandardCharsets.UTF_8);
        output.replace(file, out -> out.write(text));
    }

    private void chart(Path file, String title, String axis, ToDoubleFunction<EpochReport> value) throws IOException {
        List<Series> series = new ArrayList<>();
        int index = 0;
        for (Map.Entry<ComparePreset.Run, List<Result>> entry : byRun.entrySet()) {
            double[][] perSeed = entry.getValue().stream()
                    .map(r -> r.history().stream().mapToDouble(value).toArray()).toArray(double[][]::new);
            int n = perSeed[0].length;
            double[] xs = new double[n];
            double[] mean = new double[n];
            double[] low = new double[n];
            double[] high = new double[n];
            for (int e = 0; e < n; e++) {
                xs[e] = e + 1;
                int epoch = e;
                double[] column = Arrays.stream(perSeed).mapToDouble(s -> s[epoch]).toArray();
                mean[e] = Arrays.stream(column).average().orElse(0);
                low[e] = Arrays.stream(column).min().orElse(0);
                high[e] = Arrays.stream(column).max().orElse(0);
            }
            series.add(new Series(entry.getKey().name(), Series.palette(index++), xs, mean, low, high));
        }
        LinePanel panel = new LinePanel(title, axis, series);
        ChartFile.write(output, file, 1150, 560, canvas -> {
            panel.draw(canvas, 80, 60, 760, 420, LinePanel.Legend.OUTSIDE);
            canvas.text("Lines: mean over " + seeds + " seeds; bands: min–max. " + dataset, 460, 545, 11, false, 0.5, false);
        });
    }

    private String markdown(String images) {
        StringBuilder md = new StringBuilder();
        md.append("# Experiments: ").append(preset.id()).append("\n\n");
        md.append("Generated by `./perceptron compare --preset ").append(preset.id()).append(" --seeds ").append(seeds)
                .append(" --epochs ").append(epochs).append(committees.isEmpty() ? "" : " --committee").append("` on ").append(dataset).append(". Each configuration ran with seeds 1..")
                .append(seeds).append("; accuracies are on the 10,000 test images after each epoch, as the notebooks measured them ")
                .append("(no setting here was chosen on them). Every epoch of every run is in [results.csv](").append(images)
                .append("/results.csv).\n\n");
        md.append("| configuration | final accuracy | median final | best accuracy | epochs to 97% | epochs to 98% | s/epoch "
                + "| training s/run |\n");
        md.append("|---|---|---|---|---|---|---|---|\n");
        byRun.forEach((run, results) -> md.append(String.format(Locale.ROOT, "| %s | %s | %.2f%% | %s | %s | %s | %.2f | %.0f |%n",
                run.name(), meanSd(results, ComparisonReport::finalAccuracy),
                100 * Median.of(results.stream().mapToDouble(ComparisonReport::finalAccuracy).toArray()),
                meanSd(results, ComparisonReport::bestAccuracy), epochsTo(results, 0.97), epochsTo(results, 0.98),
                Median.of(results.stream().flatMap(r -> r.history().stream()).mapToDouble(EpochReport::seconds).toArray()),
                mean(results.stream().mapToDouble(ComparisonReport::trainingSeconds).toArray()))));
        md.append("\nFinal accuracy of each seed, in order: ");
        byRun.forEach((run, results) -> md.append("\n- ").append(run.name()).append(": ").append(String.join(", ",
                results.stream().map(r -> String.format(Locale.ROOT, "%.2f%%", 100 * finalAccuracy(r))).toList())));
        md.append('\n');
        md.append("\n![test accuracy per epoch](").append(images).append("/accuracy.png)\n\n");
        md.append("![training loss per epoch](").append(images).append("/loss.png)\n\n");
        md.append(committeeSection());
        if (!preset.comparesChanges()) {
            return md.toString();
        }
        md.append("## Did it help?\n\n");
        md.append("Each task against the configuration it changes (the baseline for Task 1, Task 1 for the others); ")
                .append("a difference counts as real when it exceeds the two runs' standard deviations added.\n\n");
        List<ComparePreset.Run> runs = new ArrayList<>(byRun.keySet());
        for (int i = 1; i < runs.size(); i++) {
            ComparePreset.Run reference = i == 1 ? runs.get(0) : runs.get(1);
            md.append(verdict(runs.get(i), reference)).append('\n');
        }
        md.append('\n').append(notebookNotes());
        return md.toString();
    }

    /** The committee of each configuration's seeds against its members, when made. */
    private String committeeSection() {
        if (committees.isEmpty()) {
            return "";
        }
        StringBuilder md = new StringBuilder("## Committees of the seeds\n\n");
        md.append("Each configuration's ").append(seeds).append(" networks (seeds 1..").append(seeds)
                .append(") as one committee, the mean of their probabilities, on the test images.\n\n");
        md.append("| configuration | committee | best member | members' mean | committee − best member |\n");
        md.append("|---|---|---|---|---|\n");
        byRun.keySet().stream().filter(committees::containsKey).forEach(run -> {
            SeedCommittee committee = committees.get(run);
            md.append(String.format(Locale.ROOT, "| %s | %.2f%% | %.2f%% (seed %d) | %.2f%% | %+.2f points |%n", run.name(),
                    100 * committee.committeeAccuracy(), 100 * committee.bestMemberAccuracy(), committee.bestSeed(),
                    100 * committee.meanMemberAccuracy(),
                    100 * committee.gainOverBestMember()));
        });
        return md.append('\n').toString();
    }

    private String verdict(ComparePreset.Run run, ComparePreset.Run reference) {
        double[] mine = byRun.get(run).stream().mapToDouble(ComparisonReport::finalAccuracy).toArray();
        double[] theirs = byRun.get(reference).stream().mapToDouble(ComparisonReport::finalAccuracy).toArray();
        double difference = mean(mine) - mean(theirs);
        boolean real = Math.abs(difference) > sd(mine) + sd(theirs);
        String outcome = !real ? "no clear difference" : difference > 0 ? "helped" : "hurt";
        return String.format(Locale.ROOT, "- **%s** vs %s: %+.2f points of final accuracy — %s.", run.name(),
                reference.name(), 100 * difference, outcome);
    }

    private static double finalAccuracy(Result result) {
        return result.history().get(result.history().size() - 1).evaluation().orElseThrow().accuracy();
    }

    /** Training time of one run in seconds: the epochs themselves, without evaluation, start-up or data loading. */
    private static double trainingSeconds(Result result) {
        return result.history().stream().mapToDouble(EpochReport::seconds).sum();
    }

    private static double bestAccuracy(Result result) {
        return result.history().stream().mapToDouble(r -> r.evaluation().orElseThrow().accuracy()).max().orElse(0);
    }

    private static String meanSd(List<Result> results, ToDoubleFunction<Result> metric) {
        double[] values = results.stream().mapToDouble(metric).toArray();
        return String.format(Locale.ROOT, "%.2f%% ± %.2f", 100 * mean(values), 100 * sd(values));
    }

    private static String epochsTo(List<Result> results, double threshold) {
        List<Integer> reached = new ArrayList<>();
        for (Result result : results) {
            result.history().stream().filter(r -> r.evaluation().orElseThrow().accuracy() >= threshold).findFirst()
                    .ifPresent(r -> reached.add(r.epoch()));
        }
        if (reached.isEmpty()) {
            return "—";
        }
        double mean = reached.stream().mapToInt(Integer::intValue).average().orElse(0);
        return reached.size() == results.size() ? String.format(Locale.ROOT, "%.1f", mean)
                : String.format(Locale.ROOT, "%.1f (%d of %d seeds)", mean, reached.size(), results.size());
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(0);
    }

    /** Sample standard deviation (0 for one value). */
    private static double sd(double[] values) {
        if (values.length < 2) {
            return 0;
        }
        double mean = mean(values);
        return Math.sqrt(Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / (values.length - 1));
    }

    /** How these runs differ from the notebooks: prose, kept beside this class as a resource. */
    private static String notebookNotes() {
        try (var in = ComparisonReport.class.getResourceAsStream("notebook-notes.md")) {
            if (in == null) {
                throw new IllegalStateException("notebook-notes.md is missing from the jar");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

}

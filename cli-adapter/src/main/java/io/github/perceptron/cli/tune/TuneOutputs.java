package io.github.perceptron.cli.tune;

import io.github.perceptron.cli.common.CommandFailure;
import io.github.perceptron.cli.data.DatasetOptions;
import io.github.perceptron.cli.files.OutputChecks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The files a search writes, all in one directory: the report, the trials as CSV, the plot, the model and the journal. */
final class TuneOutputs {

    final Path directory;
    final Path report;
    final Path csv;
    final Path plot;
    final Path model;
    final Path journal;

    TuneOutputs(Path directory) {
        this.directory = directory;
        this.report = directory.resolve("report.md");
        this.csv = directory.resolve("trials.csv");
        this.plot = directory.resolve("scores.png");
        this.model = directory.resolve("model.json");
        this.journal = directory.resolve("journal.jsonl");
    }

    /** Every output against the rules (no device, FIFO or input replaced), before any data is read. */
    void check(DatasetOptions dataset, Path spaceFile) {
        OutputChecks outputs = new OutputChecks(dataset.inputs());
        if (spaceFile != null) {
            outputs.alsoReads(spaceFile);
        }
        for (Path file : List.of(report, csv, plot, model, journal)) {
            outputs.add("--out", file);
        }
    }

    void create() {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new CommandFailure(directory + ": cannot create the output directory (" + OutputChecks.reason(e) + ")");
        }
    }
}

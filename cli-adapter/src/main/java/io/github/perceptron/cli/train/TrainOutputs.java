package io.github.perceptron.cli.train;

import io.github.perceptron.cli.chart.TrainingChart;
import io.github.perceptron.cli.data.DatasetOptions;
import io.github.perceptron.cli.files.FileOutput;
import io.github.perceptron.cli.files.OutputChecks;
import io.github.perceptron.core.model.ModelStore;
import io.github.perceptron.core.train.TrainedModel;
import io.github.perceptron.core.train.TrainingPlan;
import java.io.IOException;
import java.nio.file.Path;

/**
 * What {@code train} writes: the model ({@code -o}, by default {@code models/<dataset>.json}), its
 * checkpoints (by default beside it, {@code .checkpoint.json}) and the chart ({@code --plot}).
 * Every path is checked before any data is read.
 */
final class TrainOutputs {

    private final Path model;
    private final Path checkpoint;
    private final Path plot;

    TrainOutputs(Path out, Path checkpoint, Path plot, DatasetOptions dataset) {
        this.model = out != null ? out : Path.of("models", (dataset.data != null ? "model" : dataset.known().id()) + ".json");
        this.checkpoint = checkpoint != null ? checkpoint : checkpointBeside(model);
        this.plot = plot;
    }

    Path model() {
        return model;
    }

    Path checkpoint() {
        return checkpoint;
    }

    /** Every file this run writes, against the rules of {@link OutputChecks}; {@code resume} (or null) is also read. */
    void check(DatasetOptions dataset, Path resume, boolean checkpoints) {
        OutputChecks outputs = new OutputChecks(dataset.inputs());
        if (resume != null) {
            outputs.alsoReads(resume);
        }
        outputs.add("--out", model);
        if (checkpoints) {
            outputs.add("--checkpoint", checkpoint, resume);
        }
        if (plot != null) {
            outputs.add("--plot", plot);
        }
    }

    /** Saves the model (rescued elsewhere if its place cannot be written) and draws its curves when asked. */
    void save(ModelStore store, TrainedModel trained) {
        new RescuingSave(store).save(trained.model(), model);
    }

    void draw(FileOutput output, TrainedModel trained, TrainingPlan plan, String dataset, String heldOut) throws IOException {
        if (plot != null) {
            new TrainingChart(trained.history(), "perceptron " + plan.network().sizes() + " on " + dataset, heldOut)
                    .write(output, plot);
        }
    }

    private static Path checkpointBeside(Path model) {
        String name = model.getFileName().toString();
        String stem = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        return model.resolveSibling(stem + ".checkpoint.json");
    }
}

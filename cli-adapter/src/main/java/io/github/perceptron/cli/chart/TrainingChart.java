package io.github.perceptron.cli.chart;

import io.github.perceptron.cli.common.CommandFailure;
import io.github.perceptron.cli.files.FileOutput;
import io.github.perceptron.core.train.EpochReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Learning curves of one run: loss and accuracy per epoch, training against held-out data, as
 * two titled panels with axes and a legend. PNG, or SVG for {@code *.svg}.
 */
public final class TrainingChart {

    private static final int WIDTH = 1100;
    private static final int HEIGHT = 460;

    private final List<EpochReport> history;
    private final String title;
    private final String heldOut;

    public TrainingChart(List<EpochReport> history, String title, String heldOut) {
        this.history = List.copyOf(history);
        this.title = title;
        this.heldOut = heldOut;
    }

    /** Draws the curves into {@code file}, written through {@code output}. */
    public void write(FileOutput output, Path file) throws IOException {
        if (history.isEmpty()) {
            throw new CommandFailure(file + ": no epochs were trained, so there is nothing to plot");
        }
        boolean hasHeldOut = history.get(0).evaluation().isPresent();
        LinePanel loss = new LinePanel("Loss", "loss", series(EpochReport::trainLoss,
                hasHeldOut ? r -> r.evaluation().orElseThrow().loss() : null));
        LinePanel accuracy = new LinePanel("Accuracy", "accuracy (%)", series(r -> 100 * r.trainAccuracy(),
                hasHeldOut ? r -> 100 * r.evaluation().orElseThrow().accuracy() : null));
        ChartFile.write(output, file, WIDTH, HEIGHT, canvas -> {
            canvas.text(title, WIDTH / 2.0, 28, 18, true, 0.5, false);
            loss.draw(canvas, 70, 70, 430, 300, LinePanel.Legend.UPPER_RIGHT);
            accuracy.draw(canvas, 620, 70, 430, 300, LinePanel.Legend.LOWER_RIGHT);
            canvas.text("Training figures are running means over each epoch, with dropout and augmentation on; "
                    + heldOut + " figures are measured after the epoch.", WIDTH / 2.0, HEIGHT - 12, 11, false, 0.5, false);
        });
    }

    private List<Series> series(ToDoubleFunction<EpochReport> train, ToDoubleFunction<EpochReport> held) {
        double[] epochs = history.stream().mapToDouble(EpochReport::epoch).toArray();
        List<Series> series = new ArrayList<>();
        series.add(new Series("training", Series.palette(0), epochs, history.stream().mapToDouble(train).toArray()));
        if (held != null) {
            series.add(new Series(heldOut, Series.palette(1), epochs, history.stream().mapToDouble(held).toArray()));
        }
        return series;
    }
}

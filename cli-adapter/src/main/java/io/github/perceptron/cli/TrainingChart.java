package io.github.perceptron.cli;

import io.github.perceptron.core.train.EpochReport;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;

/**
 * Learning curves of one run: loss and accuracy per epoch, training against held-out data, as
 * two titled panels with axes and a legend. Written as PNG, or as SVG when the file name ends in
 * {@code .svg}.
 */
final class TrainingChart {

    private static final int WIDTH = 1100;
    private static final int HEIGHT = 460;
    private static final Color TRAIN = new Color(0x1f77b4);
    private static final Color HELD_OUT = new Color(0xd62728);
    private static final Color GRID = new Color(0xdddddd);
    private static final Color INK = new Color(0x222222);

    private final List<EpochReport> history;
    private final String title;
    private final String heldOut;

    TrainingChart(List<EpochReport> history, String title, String heldOut) {
        this.history = List.copyOf(history);
        this.title = title;
        this.heldOut = heldOut;
    }

    void write(Path file) throws IOException {
        if (history.isEmpty()) {
            throw new CommandFailure(file + ": no epochs were trained, so there is nothing to plot");
        }
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".svg")) {
            SvgCanvas svg = new SvgCanvas(WIDTH, HEIGHT);
            draw(svg);
            Files.writeString(file, svg.finish(), StandardCharsets.UTF_8);
            return;
        }
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        draw(new GraphicsCanvas(g));
        g.dispose();
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new CommandFailure(file + ": no PNG writer available");
        }
    }

    private void draw(Canvas canvas) {
        canvas.text(title, WIDTH / 2.0, 28, 18, true, 0.5, false);
        boolean hasHeldOut = history.get(0).evaluation().isPresent();
        panel(canvas, 70, "Loss", "loss", EpochReport::trainLoss,
                hasHeldOut ? r -> r.evaluation().orElseThrow().loss() : null, false);
        panel(canvas, 620, "Accuracy", "accuracy (%)", r -> 100 * r.trainAccuracy(),
                hasHeldOut ? r -> 100 * r.evaluation().orElseThrow().accuracy() : null, true);
        canvas.text("Training figures are running means over each epoch, with dropout and augmentation on; "
                + heldOut + " figures are measured after the epoch.", WIDTH / 2.0, HEIGHT - 12, 11, false, 0.5, false);
    }

    private void panel(Canvas canvas, double left, String name, String axis, ToDoubleFunction<EpochReport> train,
                       ToDoubleFunction<EpochReport> held, boolean legendLow) {
        double width = 430;
        double top = 70;
        double height = 300;
        double[] xs = history.stream().mapToDouble(EpochReport::epoch).toArray();
        double[] trainValues = history.stream().mapToDouble(train).toArray();
        double[] heldValues = held == null ? null : history.stream().mapToDouble(held).toArray();
        double low = min(trainValues, heldValues);
        double high = max(trainValues, heldValues);
        if (high - low < 1e-9) {
            high = low + 1;
        }
        double pad = 0.05 * (high - low);
        low -= pad;
        high += pad;
        double firstEpoch = xs[0];
        double lastEpoch = Math.max(xs[xs.length - 1], firstEpoch + 1);
        canvas.text(name, left + width / 2, top - 18, 15, true, 0.5, false);
        for (int tick = 0; tick <= 5; tick++) {
            double value = low + (high - low) * tick / 5;
            double y = top + height - height * tick / 5;
            canvas.line(left, y, left + width, y, GRID, 1);
            canvas.text(String.format(Locale.ROOT, value >= 10 ? "%.1f" : "%.3f", value), left - 6, y + 4, 11, false, 1, false);
        }
        int epochTicks = (int) Math.min(10, lastEpoch - firstEpoch);
        for (int tick = 0; tick <= epochTicks; tick++) {
            double epoch = firstEpoch + (lastEpoch - firstEpoch) * tick / epochTicks;
            double x = left + width * (epoch - firstEpoch) / (lastEpoch - firstEpoch);
            canvas.line(x, top + height, x, top + height + 5, INK, 1);
            canvas.text(String.format(Locale.ROOT, "%.0f", epoch), x, top + height + 18, 11, false, 0.5, false);
        }
        canvas.line(left, top, left, top + height, INK, 1.2f);
        canvas.line(left, top + height, left + width, top + height, INK, 1.2f);
        canvas.text("epoch", left + width / 2, top + height + 38, 12, false, 0.5, false);
        canvas.text(axis, left - 52, top + height / 2, 12, false, 0.5, true);
        canvas.polyline(scale(xs, firstEpoch, lastEpoch, left, width, false), scale(trainValues, low, high, top, height, true), TRAIN, 2);
        if (heldValues != null) {
            canvas.polyline(scale(xs, firstEpoch, lastEpoch, left, width, false), scale(heldValues, low, high, top, height, true), HELD_OUT, 2);
        }
        double legendY = legendLow ? top + height - 40 : top + 14;
        canvas.line(left + width - 150, legendY, left + width - 125, legendY, TRAIN, 3);
        canvas.text("training", left + width - 118, legendY + 4, 12, false, 0, false);
        if (heldValues != null) {
            canvas.line(left + width - 150, legendY + 20, left + width - 125, legendY + 20, HELD_OUT, 3);
            canvas.text(heldOut, left + width - 118, legendY + 24, 12, false, 0, false);
        }
    }

    private static double[] scale(double[] values, double low, double high, double origin, double extent, boolean flip) {
        double[] scaled = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            double fraction = (values[i] - low) / (high - low);
            scaled[i] = flip ? origin + extent - extent * fraction : origin + extent * fraction;
        }
        return scaled;
    }

    private static double min(double[] a, double[] b) {
        double m = Double.MAX_VALUE;
        for (double v : a) {
            m = Math.min(m, v);
        }
        if (b != null) {
            for (double v : b) {
                m = Math.min(m, v);
            }
        }
        return m;
    }

    private static double max(double[] a, double[] b) {
        double m = -Double.MAX_VALUE;
        for (double v : a) {
            m = Math.max(m, v);
        }
        if (b != null) {
            for (double v : b) {
                m = Math.max(m, v);
            }
        }
        return m;
    }

    /** Java2D, for PNG. */
    private record GraphicsCanvas(Graphics2D g) implements Canvas {
        @Override
        public void line(double x1, double y1, double x2, double y2, Color color, float width) {
            g.setColor(color);
            g.setStroke(new BasicStroke(width));
            g.draw(new java.awt.geom.Line2D.Double(x1, y1, x2, y2));
        }

        @Override
        public void polyline(double[] xs, double[] ys, Color color, float width) {
            Path2D.Double path = new Path2D.Double();
            path.moveTo(xs[0], ys[0]);
            for (int i = 1; i < xs.length; i++) {
                path.lineTo(xs[i], ys[i]);
            }
            g.setColor(color);
            g.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(path);
        }

        @Override
        public void text(String text, double x, double y, int size, boolean bold, double anchor, boolean vertical) {
            g.setColor(INK);
            g.setFont(new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, size));
            double textWidth = g.getFontMetrics().stringWidth(text);
            AffineTransform saved = g.getTransform();
            g.translate(x, y);
            if (vertical) {
                g.rotate(-Math.PI / 2);
            }
            g.drawString(text, (float) (-anchor * textWidth), 0f);
            g.setTransform(saved);
        }
    }
}

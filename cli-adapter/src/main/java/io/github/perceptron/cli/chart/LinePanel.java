package io.github.perceptron.cli.chart;

import java.awt.Color;
import java.util.List;
import java.util.Locale;

/** One titled plot of series against epochs: grid, axes with ticks and labels, lines, bands, legend. */
public final class LinePanel {

    private static final Color GRID = new Color(0xdddddd);
    private static final Color INK = new Color(0x222222);

    private final String title;
    private final String axis;
    private final List<Series> series;

    public LinePanel(String title, String axis, List<Series> series) {
        this.title = title;
        this.axis = axis;
        this.series = List.copyOf(series);
    }

    /** Where the legend goes: inside the plot at the upper or lower right, or right of the plot. */
    public enum Legend { UPPER_RIGHT, LOWER_RIGHT, OUTSIDE }

    /** Draws into the rectangle at ({@code left}, {@code top}). */
    public void draw(Canvas canvas, double left, double top, double width, double height, Legend legend) {
        double low = Double.MAX_VALUE;
        double high = -Double.MAX_VALUE;
        double first = Double.MAX_VALUE;
        double last = -Double.MAX_VALUE;
        for (Series s : series) {
            for (int i = 0; i < s.xs().length; i++) {
                low = Math.min(low, s.lows() == null ? s.ys()[i] : Math.min(s.ys()[i], s.lows()[i]));
                high = Math.max(high, s.highs() == null ? s.ys()[i] : Math.max(s.ys()[i], s.highs()[i]));
                first = Math.min(first, s.xs()[i]);
                last = Math.max(last, s.xs()[i]);
            }
        }
        if (high - low < 1e-9) {
            high = low + 1;
        }
        double pad = 0.05 * (high - low);
        Frame frame = new Frame(left, top, width, height, first, Math.max(last, first + 1), low - pad, high + pad);
        axes(canvas, frame);
        for (Series s : series) {
            if (s.lows() != null) {
                canvas.band(frame.xs(s.xs()), frame.ys(s.lows()), frame.ys(s.highs()), s.color());
            }
        }
        for (Series s : series) {
            canvas.polyline(frame.xs(s.xs()), frame.ys(s.ys()), s.color(), 2);
        }
        legend(canvas, frame, legend);
    }

    private void axes(Canvas canvas, Frame f) {
        canvas.text(title, f.left + f.width / 2, f.top - 18, 15, true, 0.5, false);
        for (int tick = 0; tick <= 5; tick++) {
            double value = f.low + (f.high - f.low) * tick / 5;
            double y = f.top + f.height - f.height * tick / 5;
            canvas.line(f.left, y, f.left + f.width, y, GRID, 1);
            canvas.text(String.format(Locale.ROOT, Math.abs(value) >= 10 ? "%.1f" : "%.3f", value), f.left - 6, y + 4, 11,
                    false, 1, false);
        }
        int ticks = (int) Math.max(1, Math.min(10, f.last - f.first));
        for (int tick = 0; tick <= ticks; tick++) {
            double epoch = f.first + (f.last - f.first) * tick / ticks;
            double x = f.x(epoch);
            canvas.line(x, f.top + f.height, x, f.top + f.height + 5, INK, 1);
            canvas.text(String.format(Locale.ROOT, "%.0f", epoch), x, f.top + f.height + 18, 11, false, 0.5, false);
        }
        canvas.line(f.left, f.top, f.left, f.top + f.height, INK, 1.2f);
        canvas.line(f.left, f.top + f.height, f.left + f.width, f.top + f.height, INK, 1.2f);
        canvas.text("epoch", f.left + f.width / 2, f.top + f.height + 38, 12, false, 0.5, false);
        canvas.text(axis, f.left - 52, f.top + f.height / 2, 12, false, 0.5, true);
    }

    private void legend(Canvas canvas, Frame f, Legend placement) {
        double x = placement == Legend.OUTSIDE ? f.left + f.width + 25 : f.left + f.width - 190;
        double y = placement == Legend.LOWER_RIGHT ? f.top + f.height - 20 * series.size() : f.top + 14;
        for (Series s : series) {
            canvas.line(x, y, x + 25, y, s.color(), 3);
            canvas.text(s.name(), x + 32, y + 4, 12, false, 0, false);
            y += 20;
        }
    }

    /** Data-to-pixel mapping of one panel. */
    private record Frame(double left, double top, double width, double height, double first, double last, double low,
                         double high) {
        double x(double epoch) {
            return left + width * (epoch - first) / (last - first);
        }

        double[] xs(double[] epochs) {
            double[] out = new double[epochs.length];
            for (int i = 0; i < epochs.length; i++) {
                out[i] = x(epochs[i]);
            }
            return out;
        }

        double[] ys(double[] values) {
            double[] out = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                out[i] = top + height - height * (values[i] - low) / (high - low);
            }
            return out;
        }
    }
}

package io.github.perceptron.cli.chart;

import java.awt.Color;
import java.util.List;
import java.util.Locale;

/**
 * One titled plot of points: a score against one setting. A numeric setting gets a linear or
 * logarithmic axis; a list of values gets one column per value, in the list's order.
 */
public final class ScatterPanel {

    private static final Color GRID = new Color(0xdddddd);
    private static final Color INK = new Color(0x222222);
    private static final Color POINT = new Color(0x1f77b4);
    private static final Color HIGHLIGHT = new Color(0xd62728);

    private final String title;
    private final String axis;
    private final List<String> categories;
    private final boolean logarithmic;
    private final double[] xs;
    private final double[] ys;
    private final int highlighted;

    /**
     * @param categories  the values of a list setting, whose points have {@code xs} = index; null for a number
     * @param logarithmic a numeric axis on a log scale
     * @param highlighted the index of the point drawn in red (the winner), or -1
     */
    public ScatterPanel(String title, String axis, List<String> categories, boolean logarithmic, double[] xs,
                        double[] ys, int highlighted) {
        this.title = title;
        this.axis = axis;
        this.categories = categories == null ? null : List.copyOf(categories);
        this.logarithmic = logarithmic;
        this.xs = xs.clone();
        this.ys = ys.clone();
        this.highlighted = highlighted;
    }

    /** Draws into the rectangle at ({@code left}, {@code top}). */
    public void draw(Canvas canvas, double left, double top, double width, double height) {
        double low = Double.MAX_VALUE;
        double high = -Double.MAX_VALUE;
        double first = Double.MAX_VALUE;
        double last = -Double.MAX_VALUE;
        for (int i = 0; i < xs.length; i++) {
            low = Math.min(low, ys[i]);
            high = Math.max(high, ys[i]);
            first = Math.min(first, position(xs[i]));
            last = Math.max(last, position(xs[i]));
        }
        if (categories != null) {
            first = -0.5;
            last = categories.size() - 0.5;
        }
        if (high - low < 1e-9) {
            high = low + 0.01;
        }
        if (last - first < 1e-12) {
            first -= 0.5;
            last += 0.5;
        }
        double pad = 0.08 * (high - low);
        double xPad = categories != null ? 0 : 0.05 * (last - first);
        double yLow = low - pad;
        double yHigh = high + pad;
        double xFirst = first - xPad;
        double xLast = last + xPad;
        canvas.text(title, left + width / 2, top - 14, 14, true, 0.5, false);
        for (int tick = 0; tick <= 4; tick++) {
            double value = yLow + (yHigh - yLow) * tick / 4;
            double y = top + height - height * tick / 4;
            canvas.line(left, y, left + width, y, GRID, 1);
            canvas.text(String.format(Locale.ROOT, "%.2f%%", 100 * value), left - 6, y + 4, 11, false, 1, false);
        }
        for (int tick = 0; tick < ticks(); tick++) {
            double at = categories != null ? tick : xFirst + (xLast - xFirst) * tick / (ticks() - 1);
            double x = left + width * (at - xFirst) / (xLast - xFirst);
            canvas.line(x, top + height, x, top + height + 5, INK, 1);
            String label = categories != null ? categories.get(tick)
                    : String.format(Locale.ROOT, "%.3g", logarithmic ? Math.pow(10, at) : at);
            canvas.text(label, x, top + height + 18, 11, false, 0.5, false);
        }
        canvas.line(left, top, left, top + height, INK, 1.2f);
        canvas.line(left, top + height, left + width, top + height, INK, 1.2f);
        canvas.text(axis, left + width / 2, top + height + 36, 12, false, 0.5, false);
        for (int i = 0; i < xs.length; i++) {
            double x = left + width * (position(xs[i]) - xFirst) / (xLast - xFirst);
            double y = top + height - height * (ys[i] - yLow) / (yHigh - yLow);
            Color color = i == highlighted ? HIGHLIGHT : POINT;
            double r = i == highlighted ? 6 : 4;
            canvas.line(x - r, y - r, x + r, y + r, color, 2);
            canvas.line(x - r, y + r, x + r, y - r, color, 2);
        }
    }

    private int ticks() {
        return categories != null ? categories.size() : 5;
    }

    private double position(double x) {
        return logarithmic ? Math.log10(x) : x;
    }
}

package io.github.perceptron.cli.chart;

import java.awt.Color;

/** The drawing operations a chart needs, so one layout renders to PNG and to SVG alike. */
public interface Canvas {

    void line(double x1, double y1, double x2, double y2, Color color, float width);

    void polyline(double[] xs, double[] ys, Color color, float width);

    /** A translucent area between two curves over the same x positions. */
    void band(double[] xs, double[] lows, double[] highs, Color color);

    /** Text anchored at its left (anchor 0), centre (0.5) or right (1) end, optionally rotated by -90°. */
    void text(String text, double x, double y, int size, boolean bold, double anchor, boolean vertical);
}

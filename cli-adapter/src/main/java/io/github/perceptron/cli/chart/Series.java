package io.github.perceptron.cli.chart;

import java.awt.Color;

/**
 * One line of a chart, with an optional band around it (for example min–max over seeds).
 *
 * @param lows  the band's lower edge at each x, or null for no band
 * @param highs the band's upper edge, or null
 */
public record Series(String name, Color color, double[] xs, double[] ys, double[] lows, double[] highs) {

    Series(String name, Color color, double[] xs, double[] ys) {
        this(name, color, xs, ys, null, null);
    }

    /** Distinguishable colours (Tableau 10), by index. */
    public static Color palette(int index) {
        int[] rgb = {0x1f77b4, 0xd62728, 0x2ca02c, 0xff7f0e, 0x9467bd, 0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf};
        return new Color(rgb[index % rgb.length]);
    }
}

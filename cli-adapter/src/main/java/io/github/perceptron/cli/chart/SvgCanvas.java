package io.github.perceptron.cli.chart;

import java.awt.Color;
import java.util.Locale;

/** Builds an SVG document from canvas calls. */
final class SvgCanvas implements Canvas {

    private final StringBuilder svg = new StringBuilder();

    SvgCanvas(int width, int height) {
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n",
                width, height, width, height));
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Color color, float width) {
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%.1f\"/>%n",
                x1, y1, x2, y2, hex(color), width));
    }

    @Override
    public void polyline(double[] xs, double[] ys, Color color, float width) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < xs.length; i++) {
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", xs[i], ys[i]));
        }
        svg.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"%.1f\" "
                + "stroke-linejoin=\"round\"/>%n", points.toString().strip(), hex(color), width));
    }

    @Override
    public void band(double[] xs, double[] lows, double[] highs, Color color) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < xs.length; i++) {
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", xs[i], highs[i]));
        }
        for (int i = xs.length - 1; i >= 0; i--) {
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", xs[i], lows[i]));
        }
        svg.append(String.format(Locale.ROOT, "<polygon points=\"%s\" fill=\"%s\" fill-opacity=\"0.18\" stroke=\"none\"/>%n",
                points.toString().strip(), hex(color)));
    }

    @Override
    public void text(String text, double x, double y, int size, boolean bold, double anchor, boolean vertical) {
        String textAnchor = anchor == 0 ? "start" : anchor == 1 ? "end" : "middle";
        String rotate = vertical ? String.format(Locale.ROOT, " transform=\"rotate(-90 %.1f %.1f)\"", x, y) : "";
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\"%s text-anchor=\"%s\"%s>%s</text>%n",
                x, y, size, bold ? " font-weight=\"bold\"" : "", textAnchor, rotate, escape(text)));
    }

    String finish() {
        return svg + "</svg>\n";
    }

    private static String hex(Color color) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", color.getRed(), color.getGreen(), color.getBlue());
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}

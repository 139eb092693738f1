package io.github.perceptron.cli.chart;

import io.github.perceptron.cli.common.CommandFailure;
import io.github.perceptron.cli.files.FileOutput;
import io.github.perceptron.cli.files.OutputChecks;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import javax.imageio.ImageIO;

/**
 * Writes a drawing as PNG, or as SVG when the file name ends in {@code .svg}.
 *
 * <p>Why our own canvases rather than a chart library: JFreeChart (LGPL) draws these charts in far
 * fewer lines, and was tried, but it writes SVG only through JFreeSVG, which is GPL and would make
 * the whole CLI jar GPL; Apache Batik would add megabytes. Our two canvases write both formats
 * with no dependency.
 */
public final class ChartFile {

    private ChartFile() {
    }

    /** Draws and writes {@code file} through {@code output}: a failed write leaves whatever was there before. */
    public static void write(FileOutput output, Path file, int width, int height, Consumer<Canvas> drawing) {
        try {
            if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".svg")) {
                SvgCanvas svg = new SvgCanvas(width, height);
                drawing.accept(svg);
                byte[] text = svg.finish().getBytes(StandardCharsets.UTF_8);
                output.replace(file, out -> out.write(text));
                return;
            }
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            drawing.accept(new GraphicsCanvas(g));
            g.dispose();
            output.replace(file, out -> {
                if (!ImageIO.write(image, "png", out)) {
                    throw new IOException("no PNG writer available");
                }
            });
        } catch (IOException e) {
            throw new CommandFailure(file + ": cannot write the chart (" + OutputChecks.reason(e) + ")");
        }
    }
}

package io.github.perceptron.cli;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import javax.imageio.ImageIO;

/** Writes a drawing as PNG, or as SVG when the file name ends in {@code .svg}. */
final class ChartFile {

    private ChartFile() {
    }

    static void write(Path file, int width, int height, Consumer<Canvas> drawing) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".svg")) {
            SvgCanvas svg = new SvgCanvas(width, height);
            drawing.accept(svg);
            Files.writeString(file, svg.finish(), StandardCharsets.UTF_8);
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
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new CommandFailure(file + ": no PNG writer available");
        }
    }
}

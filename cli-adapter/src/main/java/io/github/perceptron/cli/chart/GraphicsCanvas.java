package io.github.perceptron.cli.chart;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Composite;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;

/** Java2D drawing, for PNG. */
record GraphicsCanvas(Graphics2D g) implements Canvas {

    private static final Color INK = new Color(0x222222);

    @Override
    public void line(double x1, double y1, double x2, double y2, Color color, float width) {
        g.setColor(color);
        g.setStroke(new BasicStroke(width));
        g.draw(new Line2D.Double(x1, y1, x2, y2));
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
    public void band(double[] xs, double[] lows, double[] highs, Color color) {
        Path2D.Double area = new Path2D.Double();
        area.moveTo(xs[0], highs[0]);
        for (int i = 1; i < xs.length; i++) {
            area.lineTo(xs[i], highs[i]);
        }
        for (int i = xs.length - 1; i >= 0; i--) {
            area.lineTo(xs[i], lows[i]);
        }
        area.closePath();
        Composite saved = g.getComposite();
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.18f));
        g.setColor(color);
        g.fill(area);
        g.setComposite(saved);
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

package io.github.perceptron.dataset;

import io.github.perceptron.core.data.DatasetException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

/**
 * Turns a photo or scan of a digit into the form MNIST images have (LeCun et al.): light ink on a
 * black background, the digit's bounding box scaled into a 20×20 box (aspect kept) and placed in a
 * 28×28 frame so that its centre of mass is at the centre. Other frame sizes scale the same way.
 */
public final class DigitImages {

    /** MNIST's digit box is 20 pixels in a 28-pixel frame. */
    private static final double BOX_FRACTION = 20.0 / 28.0;
    /** Pixels below this fraction of the brightest ink count as background when cropping. */
    private static final double INK_THRESHOLD = 0.1;

    private DigitImages() {
    }

    /**
     * Reads a PNG, JPEG, GIF or BMP and normalises it to {@code width×height} values in {@code [0,1]}.
     *
     * Safe on hostile files: an image declaring more than 16 megapixels is refused before it is decoded.
     *
     * @param file   the image file
     * @param width  the model's image width (28 for MNIST)
     * @param height the model's image height
     * @return {@code width × height} values in [0, 1], row-major, 0 the background and 1 the ink
     * @throws DatasetException if the file is missing, not an image, corrupt, too large or blank
     */
    public static float[] read(Path file, int width, int height) {
        BufferedImage image = ImageFiles.read(file);
        float[] ink = inkOnBlack(image);
        return normalise(file.toString(), ink, image.getWidth(), image.getHeight(), width, height);
    }

    /**
     * Decodes an encoded image held in memory (an upload, say) and normalises it like {@link #read}.
     *
     * @param source    names the image in errors, e.g. "request body"
     * @param maxPixels the largest width × height the image may declare; larger ones are refused
     *                  before any pixel is decoded
     * @throws DatasetException when the bytes are not an image, are corrupt, too large or blank
     * @param encoded   the file's bytes
     * @param width     the model's image width
     * @param height    the model's image height
     * @return {@code width × height} values in [0, 1], row-major
     */
    public static float[] decode(byte[] encoded, String source, long maxPixels, int width, int height) {
        BufferedImage image = ImageFiles.read(encoded, source, maxPixels);
        float[] ink = inkOnBlack(image);
        return normalise(source, ink, image.getWidth(), image.getHeight(), width, height);
    }

    /** Grey levels in [0,1] with the ink bright: inverted when the border (the background) is light. */
    static float[] inkOnBlack(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        float[] grey = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int argb = image.getRGB(x, y);
                double alpha = (argb >>> 24) / 255.0;
                double luma = (0.299 * ((argb >> 16) & 0xff) + 0.587 * ((argb >> 8) & 0xff) + 0.114 * (argb & 0xff)) / 255.0;
                grey[y * w + x] = (float) (alpha * luma + (1 - alpha));  // transparent shows white paper
            }
        }
        double border = borderMean(grey, w, h);
        float background = (float) border;
        boolean lightPaper = border > 0.5;
        for (int i = 0; i < grey.length; i++) {
            float ink = lightPaper ? background - grey[i] : grey[i] - background;
            grey[i] = Math.max(0f, ink);
        }
        return grey;
    }

    static float[] normalise(String source, float[] ink, int w, int h, int width, int height) {
        float max = 0;
        for (float v : ink) {
            max = Math.max(max, v);
        }
        if (max <= 0.05f) {
            throw new DatasetException(source + ": no digit found (the image is blank)");
        }
        int left = w;
        int right = -1;
        int top = h;
        int bottom = -1;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (ink[y * w + x] > INK_THRESHOLD * max) {
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                }
            }
        }
        int cropW = right - left + 1;
        int cropH = bottom - top + 1;
        double scale = BOX_FRACTION * Math.min(width, height) / Math.max(cropW, cropH);
        int boxW = Math.max(1, (int) Math.round(cropW * scale));
        int boxH = Math.max(1, (int) Math.round(cropH * scale));
        float[] box = resize(ink, w, left, top, cropW, cropH, boxW, boxH, max);
        return centreByMass(box, boxW, boxH, width, height);
    }

    /** Area-averaged resize of the crop to {@code boxW×boxH}, scaled so the brightest ink is 1. */
    private static float[] resize(float[] ink, int w, int left, int top, int cropW, int cropH, int boxW, int boxH, float max) {
        BufferedImage crop = new BufferedImage(cropW, cropH, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < cropH; y++) {
            for (int x = 0; x < cropW; x++) {
                int v = Math.round(255 * ink[(top + y) * w + left + x] / max);
                crop.getRaster().setSample(x, y, 0, v);
            }
        }
        BufferedImage scaled = new BufferedImage(boxW, boxH, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = scaled.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(crop.getScaledInstance(boxW, boxH, java.awt.Image.SCALE_AREA_AVERAGING), 0, 0, null);
        g.dispose();
        float[] box = new float[boxW * boxH];
        for (int y = 0; y < boxH; y++) {
            for (int x = 0; x < boxW; x++) {
                box[y * boxW + x] = scaled.getRaster().getSample(x, y, 0) / 255f;
            }
        }
        return box;
    }

    private static float[] centreByMass(float[] box, int boxW, int boxH, int width, int height) {
        double mass = 0;
        double sumX = 0;
        double sumY = 0;
        for (int y = 0; y < boxH; y++) {
            for (int x = 0; x < boxW; x++) {
                float v = box[y * boxW + x];
                mass += v;
                sumX += v * x;
                sumY += v * y;
            }
        }
        double centreX = mass > 0 ? sumX / mass : (boxW - 1) / 2.0;
        double centreY = mass > 0 ? sumY / mass : (boxH - 1) / 2.0;
        int offsetX = clamp((int) Math.round((width - 1) / 2.0 - centreX), 0, width - boxW);
        int offsetY = clamp((int) Math.round((height - 1) / 2.0 - centreY), 0, height - boxH);
        float[] frame = new float[width * height];
        for (int y = 0; y < boxH; y++) {
            System.arraycopy(box, y * boxW, frame, (offsetY + y) * width + offsetX, boxW);
        }
        return frame;
    }

    private static int clamp(int value, int low, int high) {
        return Math.max(low, Math.min(high, value));
    }

    private static double borderMean(float[] grey, int w, int h) {
        double sum = 0;
        int count = 0;
        for (int x = 0; x < w; x++) {
            sum += grey[x] + grey[(h - 1) * w + x];
            count += 2;
        }
        for (int y = 1; y < h - 1; y++) {
            sum += grey[y * w] + grey[y * w + w - 1];
            count += 2;
        }
        return sum / count;
    }
}

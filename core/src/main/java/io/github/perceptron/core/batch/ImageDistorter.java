package io.github.perceptron.core.batch;

import io.github.perceptron.core.augment.Augmentation;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Applies an {@link Augmentation} to images held as {@code [0,1]} floats, in place, one image at a
 * time. Each output pixel samples the source bilinearly at the inverse-transformed position
 * (outside the image reads as background 0). Not thread-safe: it keeps scratch buffers.
 */
final class ImageDistorter {

    private final Augmentation augmentation;
    private final int width;
    private final int height;
    private final float[] source;
    private final ElasticField elastic;

    ImageDistorter(Augmentation augmentation, int width, int height) {
        this.augmentation = augmentation;
        this.width = width;
        this.height = height;
        this.source = new float[width * height];
        this.elastic = augmentation.elasticAlpha() > 0
                ? new ElasticField(width, height, augmentation.elasticAlpha(), augmentation.elasticSigma()) : null;
    }

    /** Distorts the image at {@code pixels[offset .. offset + width·height)} with fresh random draws. */
    void distort(float[] pixels, int offset, RandomGenerator random) {
        if (isShiftOnly(augmentation)) {
            shift(pixels, offset, random);
            return;
        }
        AffineDraw draw = drawAffine(augmentation, random);
        if (elastic != null) {
            elastic.draw(random);
        }
        System.arraycopy(pixels, offset, source, 0, source.length);
        double cos = StrictMath.cos(draw.angle()) / draw.scale();
        double sin = StrictMath.sin(draw.angle()) / draw.scale();
        double centreX = (width - 1) / 2.0;
        double centreY = (height - 1) / 2.0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                // Inverse map: undo the shift, then the rotation and scaling about the centre.
                double dx = x - centreX - draw.shiftX();
                double dy = y - centreY - draw.shiftY();
                double sx = cos * dx + sin * dy + centreX;
                double sy = -sin * dx + cos * dy + centreY;
                if (elastic != null) {
                    sx += elastic.dx(x, y);
                    sy += elastic.dy(x, y);
                }
                pixels[offset + y * width + x] = bilinear(sx, sy);
            }
        }
    }

    /** Whole-pixel shifts, drawn uniformly from {@code [-maxShift, maxShift]}: a copy, no resampling. */
    private void shift(float[] pixels, int offset, RandomGenerator random) {
        int max = (int) augmentation.maxShift();
        int shiftX = random.nextInt(2 * max + 1) - max;
        int shiftY = random.nextInt(2 * max + 1) - max;
        System.arraycopy(pixels, offset, source, 0, source.length);
        // Row by row: the part of the source row that lands inside, and background around it.
        int fromX = Math.max(0, shiftX);
        int toX = Math.min(width, width + shiftX);
        for (int y = 0; y < height; y++) {
            int row = offset + y * width;
            int sourceY = y - shiftY;
            if (sourceY < 0 || sourceY >= height || fromX >= toX) {
                Arrays.fill(pixels, row, row + width, 0f);
                continue;
            }
            Arrays.fill(pixels, row, row + fromX, 0f);
            System.arraycopy(source, sourceY * width + fromX - shiftX, pixels, row + fromX, toX - fromX);
            Arrays.fill(pixels, row + toX, row + width, 0f);
        }
    }

    private float bilinear(double x, double y) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double fx = x - x0;
        double fy = y - y0;
        double top = (1 - fx) * at(x0, y0) + fx * at(x0 + 1, y0);
        double bottom = (1 - fx) * at(x0, y0 + 1) + fx * at(x0 + 1, y0 + 1);
        return (float) ((1 - fy) * top + fy * bottom);
    }

    private float at(int x, int y) {
        return x < 0 || y < 0 || x >= width || y >= height ? 0f : source[y * width + x];
    }

    /** Whether only whole-pixel shifts are asked for, which a copy does exactly. */
    private static boolean isShiftOnly(Augmentation a) {
        return a.maxShift() > 0 && a.maxShift() == Math.rint(a.maxShift()) && a.maxRotationDegrees() == 0
                && a.maxScale() == 0 && a.elasticAlpha() == 0;
    }

    /** Draws one image's affine parameters, in this order: shift x, shift y, angle, scale. */
    private static AffineDraw drawAffine(Augmentation a, RandomGenerator random) {
        double shiftX = a.maxShift() > 0 ? (2 * random.nextDouble() - 1) * a.maxShift() : 0;
        double shiftY = a.maxShift() > 0 ? (2 * random.nextDouble() - 1) * a.maxShift() : 0;
        double angle = a.maxRotationDegrees() > 0 ? Math.toRadians((2 * random.nextDouble() - 1) * a.maxRotationDegrees()) : 0;
        double scale = a.maxScale() > 0 ? 1 + (2 * random.nextDouble() - 1) * a.maxScale() : 1;
        return new AffineDraw(shiftX, shiftY, angle, scale);
    }

    /** One image's draw: translation in pixels, rotation in radians, scale factor. */
    private record AffineDraw(double shiftX, double shiftY, double angle, double scale) {
    }
}

package io.github.perceptron.core.data;

/**
 * The geometry behind {@link InputNormalisation}: an image's ink moments and bounding box, and
 * bilinear resampling. Images are {@code double}s in 0..255, row-major; each method returns a new
 * array and leaves an image without ink as it is.
 */
final class InkGeometry {

    private InkGeometry() {
    }

    /** The ink's mass and centre of mass, rows then columns: {@code {mass, meanRow, meanColumn}}. */
    private static double[] centreOfMass(double[] image, int width, int height) {
        double mass = 0;
        double rows = 0;
        double columns = 0;
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                double v = image[r * width + c];
                mass += v;
                rows += v * r;
                columns += v * c;
            }
        }
        return new double[] {mass, rows / mass, columns / mass};
    }

    /** Sheared so that the ink's row-column covariance is zero, its centre of mass moved to the centre. */
    static double[] deskew(double[] image, int width, int height) {
        double[] centre = centreOfMass(image, width, height);
        if (centre[0] == 0) {
            return image;
        }
        double meanRow = centre[1];
        double meanColumn = centre[2];
        double rowVariance = 0;
        double covariance = 0;
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                double v = image[r * width + c];
                rowVariance += v * (r - meanRow) * (r - meanRow);
                covariance += v * (r - meanRow) * (c - meanColumn);
            }
        }
        // A single row of ink has no row variance, and nothing to shear.
        double skew = rowVariance > 0 ? covariance / rowVariance : 0;
        double centreRow = (height - 1) / 2.0;
        double centreColumn = (width - 1) / 2.0;
        double[] result = new double[image.length];
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                double fromRow = r - centreRow + meanRow;
                double fromColumn = c - centreColumn + meanColumn + skew * (r - centreRow);
                result[r * width + c] = bilinear(image, width, height, fromRow, fromColumn);
            }
        }
        return result;
    }

    /** The ink's bounding box stretched to {@code inkWidth} columns, its height kept, then recentred by its centre of mass. */
    static double[] stretchToWidth(double[] image, int width, int height, int inkWidth) {
        int first = width;
        int last = -1;
        int top = height;
        int bottom = -1;
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                if (image[r * width + c] > 0) {
                    first = Math.min(first, c);
                    last = Math.max(last, c);
                    top = Math.min(top, r);
                    bottom = Math.max(bottom, r);
                }
            }
        }
        if (last < 0) {
            return image;
        }
        double scale = (double) inkWidth / (last - first + 1);
        double boxRow = (top + bottom) / 2.0;
        double boxColumn = (first + last) / 2.0;
        double centreRow = (height - 1) / 2.0;
        double centreColumn = (width - 1) / 2.0;
        double[] stretched = new double[image.length];
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                double value = bilinear(image, width, height, r - centreRow + boxRow, (c - centreColumn) / scale + boxColumn);
                stretched[r * width + c] = toByte(value);
            }
        }
        return recentre(stretched, width, height);
    }

    /** Moved whole (by fractions of a pixel, bilinearly) so that the ink's centre of mass is the image's centre. */
    private static double[] recentre(double[] image, int width, int height) {
        double[] centre = centreOfMass(image, width, height);
        if (centre[0] == 0) {
            return image;
        }
        double shiftRow = centre[1] - (height - 1) / 2.0;
        double shiftColumn = centre[2] - (width - 1) / 2.0;
        double[] result = new double[image.length];
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                result[r * width + c] = bilinear(image, width, height, r + shiftRow, c + shiftColumn);
            }
        }
        return result;
    }

    /** The image read between pixels: the four neighbours weighted by nearness, outside the image background. */
    private static double bilinear(double[] image, int width, int height, double row, double column) {
        int row0 = (int) Math.floor(row);
        int column0 = (int) Math.floor(column);
        double fractionRow = row - row0;
        double fractionColumn = column - column0;
        double value = 0;
        for (int dr = 0; dr <= 1; dr++) {
            double weightRow = dr == 0 ? 1 - fractionRow : fractionRow;
            for (int dc = 0; dc <= 1; dc++) {
                double weightColumn = dc == 0 ? 1 - fractionColumn : fractionColumn;
                int r = row0 + dr;
                int c = column0 + dc;
                double pixel = r < 0 || c < 0 || r >= height || c >= width ? 0 : image[r * width + c];
                value += pixel * weightRow * weightColumn;
            }
        }
        return value;
    }

    /** The nearest byte value (ties to even), within 0..255. */
    static int toByte(double value) {
        return (int) Math.max(0, Math.min(255, Math.rint(value)));
    }
}

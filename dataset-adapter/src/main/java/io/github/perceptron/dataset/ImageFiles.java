package io.github.perceptron.dataset;

import io.github.perceptron.core.data.DatasetException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes PNG, JPEG, GIF and BMP files safely: the size the header declares is checked before
 * any pixel is decoded (a 79-byte PNG can claim 33,554,444 × 12 pixels, 1.6 GB of raster), and the
 * decoders' complaints about corrupt data become one {@link DatasetException} naming the file.
 */
final class ImageFiles {

    /** 16 megapixels: larger than any phone photo of a digit, small enough to decode in a second. */
    static final long MAX_PIXELS = 16L << 20;

    private ImageFiles() {
    }

    static BufferedImage read(Path file) {
        DataFiles.requireRegular(file);
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new DatasetException(file + ": not an image this tool reads (PNG, JPEG, GIF or BMP)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width < 1 || height < 1 || (long) width * height > MAX_PIXELS) {
                    throw new DatasetException(file + ": the image declares " + width + "×" + height
                            + " pixels; at most " + (MAX_PIXELS >> 20) + " megapixels are read");
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new DatasetException(file + ": cannot read the image: " + e.getMessage(), e);
        } catch (IllegalArgumentException | IllegalStateException | IndexOutOfBoundsException
                 | NegativeArraySizeException e) {
            // Decoders signal some corrupt data this way rather than with an IOException.
            throw new DatasetException(file + ": corrupt image data (" + e.getClass().getSimpleName() + ")", e);
        }
    }
}

package io.github.perceptron.dataset;

import io.github.perceptron.core.data.DatasetException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes PNG, JPEG, GIF and BMP images safely: the size the header declares is checked before
 * any pixel is decoded (a 79-byte PNG can claim 33,554,444 × 12 pixels, 1.6 GB of raster), and the
 * decoders' complaints about corrupt data become one {@link DatasetException} naming the source.
 */
final class ImageFiles {

    /** 16 megapixels: larger than any phone photo of a digit, small enough to decode in a second. */
    static final long MAX_PIXELS = 16L << 20;

    private ImageFiles() {
    }

    static BufferedImage read(Path file) {
        DataFiles.requireRegular(file);
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            return decode(in, file.toString(), MAX_PIXELS);
        } catch (IOException e) {
            throw new DatasetException(file + ": cannot read the image: " + reason(e), e);
        }
    }

    /** Decodes an image held in memory; {@code source} names it in errors. */
    static BufferedImage read(byte[] encoded, String source, long maxPixels) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(encoded))) {
            return decode(in, source, maxPixels);
        } catch (IOException e) {
            throw new DatasetException(source + ": cannot read the image: " + reason(e), e);
        }
    }

    /** The decoder's complaint in words: an end of file and a message-less failure said as such, never "null". */
    static String reason(IOException e) {
        if (e instanceof java.io.EOFException) {
            return "the file ends before its image data does (cut short)";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? "corrupt image data (" + e.getClass().getSimpleName() + ")" : message;
    }

    private static BufferedImage decode(ImageInputStream in, String source, long maxPixels) throws IOException {
        Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
        if (readers == null || !readers.hasNext()) {
            throw new DatasetException(source + ": not an image this tool reads (PNG, JPEG, GIF or BMP)");
        }
        ImageReader reader = readers.next();
        try {
            reader.setInput(in, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width < 1 || height < 1 || (long) width * height > maxPixels) {
                throw new DatasetException(source + ": the image declares " + width + "×" + height
                        + " pixels; at most " + megapixels(maxPixels) + " megapixels are read");
            }
            return reader.read(0);
        } catch (IllegalArgumentException | IllegalStateException | IndexOutOfBoundsException
                 | NegativeArraySizeException e) {
            // Decoders signal some corrupt data this way rather than with an IOException.
            throw new DatasetException(source + ": corrupt image data (" + e.getClass().getSimpleName() + ")", e);
        } finally {
            reader.dispose();
        }
    }

    private static String megapixels(long pixels) {
        return pixels % (1L << 20) == 0 ? Long.toString(pixels >> 20) : String.format(java.util.Locale.ROOT, "%.1f", pixels / (double) (1L << 20));
    }
}

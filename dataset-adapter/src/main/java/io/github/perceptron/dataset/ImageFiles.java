package io.github.perceptron.dataset;

import io.github.perceptron.core.data.DatasetException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes PNG, JPEG, GIF and BMP images safely, all of them hostile until decoded: the format is
 * sniffed from the bytes and no other is read (no TIFF); the size the header declares is checked
 * before any pixel is decoded (a 79-byte PNG can claim 33,554,444 × 12 pixels, 1.6 GB of raster);
 * a BMP that embeds a JPEG or PNG is refused from its header; a decode past its deadline is
 * aborted; an image the decoder warns about (a JPEG cut short) is refused rather than filled grey;
 * and the decoders' complaints become one {@link DatasetException} naming the source.
 */
final class ImageFiles {

    /** 16 megapixels: larger than any phone photo of a digit, small enough to decode in a second. */
    static final long MAX_PIXELS = 16L << 20;

    /** The formats read; ImageIO's others (TIFF above all) are refused, documented or not. */
    private static final Set<String> FORMATS = Set.of("png", "jpeg", "gif", "bmp");

    /**
     * A decode still running after this is aborted and refused: 3 s, ten times what a 16-megapixel
     * photo takes here ({@code -Dperceptron.decode.deadlineMillis} changes it).
     */
    static final Duration DECODE_DEADLINE = Duration.ofMillis(Long.getLong("perceptron.decode.deadlineMillis", 3000));

    /** Aborts decodes past their deadline; one daemon thread for the JVM. */
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "perceptron-decode-watchdog");
        thread.setDaemon(true);
        return thread;
    });

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
        return decode(in, source, maxPixels, DECODE_DEADLINE);
    }

    static BufferedImage decode(ImageInputStream in, String source, long maxPixels, Duration deadline) throws IOException {
        Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
        if (readers == null || !readers.hasNext()) {
            throw new DatasetException(source + ": not an image this tool reads (PNG, JPEG, GIF or BMP)");
        }
        ImageReader reader = readers.next();
        String format = formatName(reader);
        if (!FORMATS.contains(format)) {
            reader.dispose();
            throw new DatasetException(source + ": a " + format.toUpperCase(Locale.ROOT)
                    + " image; this tool reads PNG, JPEG, GIF or BMP");
        }
        AtomicReference<String> damage = new AtomicReference<>();
        AtomicBoolean late = new AtomicBoolean();
        try {
            if (format.equals("bmp")) {
                refuseEmbeddedPayload(in, source);
            }
            reader.setInput(in, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width < 1 || height < 1 || (long) width * height > maxPixels) {
                throw new DatasetException(source + ": the image declares " + width + "×" + height
                        + " pixels; at most " + megapixels(maxPixels) + " megapixels are read");
            }
            // A JPEG cut short is decoded with its missing rows grey, and only a warning says so.
            // The first warning decides, and stops the decode: a damaged JPEG warns once per block,
            // tens of thousands of times (collecting them all took 1.9 GB for 1.5 KB, found by fuzzing).
            reader.addIIOReadWarningListener((r, warning) -> {
                if (damage.compareAndSet(null, warning)) {
                    r.abort();
                }
            });
            ScheduledFuture<?> alarm = WATCHDOG.schedule(() -> {
                late.set(true);
                reader.abort();
            }, deadline.toMillis(), TimeUnit.MILLISECONDS);
            BufferedImage image;
            try {
                image = reader.read(0);
            } finally {
                alarm.cancel(false);
            }
            if (late.get()) {
                throw new DatasetException(source + ": decoding took longer than " + seconds(deadline)
                        + " (an image built to decode slowly, such as a JPEG of many scans); refused");
            }
            if (damage.get() != null) {
                throw new DatasetException(source + ": the image is cut short or damaged (" + damage.get() + ")");
            }
            return image;
        } catch (IllegalArgumentException | IllegalStateException | IndexOutOfBoundsException
                 | NegativeArraySizeException e) {
            // Decoders signal some corrupt data this way rather than with an IOException.
            throw new DatasetException(source + ": corrupt image data (" + e.getClass().getSimpleName() + ")", e);
        } catch (IOException e) {
            if (damage.get() != null) {
                throw new DatasetException(source + ": the image is cut short or damaged (" + damage.get() + ")", e);
            }
            if (late.get()) {
                throw new DatasetException(source + ": decoding took longer than " + seconds(deadline) + "; refused", e);
            }
            throw e;
        } finally {
            reader.dispose();
        }
    }

    /**
     * A BMP may declare that its pixels are an embedded JPEG or PNG (compression 4 or 5), with a
     * payload size the decoder allocates before reading: 2 GB from a 136-byte file. No digit
     * needs that, so such a BMP is refused from its header.
     */
    private static void refuseEmbeddedPayload(ImageInputStream in, String source) throws IOException {
        in.mark();
        try {
            byte[] header = new byte[34];
            int read = in.read(header);
            int infoSize = read >= 18 ? littleEndian(header, 14) : 0;
            if (read == header.length && infoSize >= 40) {
                int compression = littleEndian(header, 30);
                if (compression == 4 || compression == 5) {
                    throw new DatasetException(source + ": a BMP carrying an embedded "
                            + (compression == 4 ? "JPEG" : "PNG") + "; send the JPEG or PNG itself");
                }
            }
        } finally {
            in.reset();
        }
    }

    /** The reader's format, by its longest name ("tiff", not "tif"; "jpeg", not "jpg"), lower case. */
    private static String formatName(ImageReader reader) throws IOException {
        String name = reader.getFormatName();
        if (reader.getOriginatingProvider() != null) {
            for (String other : reader.getOriginatingProvider().getFormatNames()) {
                name = other.length() > name.length() ? other : name;
            }
        }
        return name.toLowerCase(Locale.ROOT);
    }

    private static int littleEndian(byte[] bytes, int at) {
        return (bytes[at] & 0xff) | (bytes[at + 1] & 0xff) << 8 | (bytes[at + 2] & 0xff) << 16 | (bytes[at + 3] & 0xff) << 24;
    }

    private static String seconds(Duration deadline) {
        return String.format(Locale.ROOT, "%.1f s", deadline.toMillis() / 1000.0);
    }

    private static String megapixels(long pixels) {
        return pixels % (1L << 20) == 0 ? Long.toString(pixels >> 20) : String.format(Locale.ROOT, "%.1f", pixels / (double) (1L << 20));
    }
}

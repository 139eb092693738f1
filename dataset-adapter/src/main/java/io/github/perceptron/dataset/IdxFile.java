package io.github.perceptron.dataset;

import io.github.perceptron.core.data.DatasetException;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Reads IDX files (LeCun's MNIST format): a big-endian header {@code 0x00 0x00 type ndims}, then
 * {@code ndims} 32-bit sizes, then the unsigned bytes. Raw or gzip, told apart by content.
 *
 * <p>Nothing is allocated before the header's promise is checked against what the file can hold:
 * its length when raw, and deflate's maximum ratio (1032:1) when compressed. Decompression stops
 * at the promised size, and anything after it is an error, as is anything missing.
 */
public final class IdxFile {

    /** Unsigned bytes, three dimensions: count, rows, columns. */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Unsigned bytes, one dimension: count. */
    public static final int LABELS_MAGIC = 0x00000801;

    private static final int MAX_DEFLATE_RATIO = 1032;
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    private final Path path;
    private final int[] dimensions;
    private final byte[] data;

    private IdxFile(Path path, int[] dimensions, byte[] data) {
        this.path = path;
        this.dimensions = dimensions;
        this.data = data;
    }

    /**
     * Reads {@code path}, which must hold an IDX file with the given magic number.
     *
     * @param path          the file, raw or gzip
     * @param expectedMagic 0x803 for images, 0x801 for labels
     * @return the file's header and data
     * @throws DatasetException if the file is missing, malformed, truncated or too large, naming it
     */
    public static IdxFile read(Path path, int expectedMagic) {
        long fileSize = DataFiles.requireRegular(path);
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
            raw.mark(2);
            boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            InputStream in = gzip ? new GzipCompressorInputStream(raw, true) : raw;
            return read(path, new DataInputStream(in), expectedMagic, gzip, fileSize);
        } catch (NoSuchFileException e) {
            throw new DatasetException(path + ": file not found");
        } catch (DatasetException e) {
            throw e;
        } catch (IOException e) {
            throw new DatasetException(path + ": cannot read: " + describe(e), e);
        }
    }

    private static IdxFile read(Path path, DataInputStream in, int expectedMagic, boolean gzip, long fileSize)
            throws IOException {
        int magic = readHeaderInt(path, in, "magic number");
        if (magic != expectedMagic) {
            throw new DatasetException(String.format(Locale.ROOT, "%s: not an IDX %s file: magic number is 0x%08x, expected 0x%08x",
                    path, expectedMagic == IMAGES_MAGIC ? "images" : "labels", magic, expectedMagic));
        }
        int[] dimensions = new int[expectedMagic & 0xff];
        long payload = 1;
        for (int d = 0; d < dimensions.length; d++) {
            dimensions[d] = readHeaderInt(path, in, "size of dimension " + d);
            if (dimensions[d] < 0) {
                throw new DatasetException(path + ": size of dimension " + d + " is negative: " + dimensions[d]);
            }
            payload = Math.min(payload * dimensions[d], Long.MAX_VALUE / Integer.MAX_VALUE);
        }
        long header = 4L + 4L * dimensions.length;
        checkPromise(path, payload, header, gzip, fileSize);
        byte[] data = new byte[(int) payload];
        int read = in.readNBytes(data, 0, data.length);
        if (read < data.length) {
            throw new DatasetException(path + ": truncated: the header promises " + payload
                    + " data bytes but the file holds " + read);
        }
        if (in.read() != -1) {
            throw new DatasetException(path + ": trailing bytes after the " + payload + " data bytes the header promises");
        }
        return new IdxFile(path, dimensions, data);
    }

    private static void checkPromise(Path path, long payload, long header, boolean gzip, long fileSize) {
        if (payload > MAX_ARRAY) {
            throw new DatasetException(path + ": the header promises " + payload
                    + " data bytes, more than one array can hold");
        }
        if (!gzip && header + payload > fileSize) {
            throw new DatasetException(path + ": truncated: the header promises " + payload
                    + " data bytes but the file holds " + (fileSize - header));
        }
        if (gzip && payload > fileSize * MAX_DEFLATE_RATIO) {
            throw new DatasetException(path + ": truncated: the header promises " + payload
                    + " data bytes, more than a " + fileSize + "-byte gzip file can hold");
        }
    }

    private static int readHeaderInt(Path path, DataInputStream in, String field) throws IOException {
        try {
            return in.readInt();
        } catch (EOFException e) {
            throw new DatasetException(path + ": truncated header: no " + field);
        }
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** @return the file read */
    public Path path() {
        return path;
    }

    /**
     * The sizes the header declares, e.g. {@code [60000, 28, 28]}.
     *
     * @return the sizes (a copy)
     */
    public int[] dimensions() {
        return dimensions.clone();
    }

    /**
     * Image {@code index} of an images file, scaled to {@code [0,1]}.
     *
     * @param index the image, from 0
     * @return its pixels, row-major
     * @throws DatasetException if this is not an images file
     */
    public float[] image(int index) {
        if (dimensions.length != 3) {
            throw new DatasetException(path + ": not an images file");
        }
        int pixels = dimensions[1] * dimensions[2];
        if (index < 0 || index >= dimensions[0]) {
            throw new DatasetException(path + ": no image " + index + "; it holds images 0.." + (dimensions[0] - 1));
        }
        float[] image = new float[pixels];
        for (int p = 0; p < pixels; p++) {
            image[p] = (data[index * pixels + p] & 0xff) / 255f;
        }
        return image;
    }

    /** The data bytes (shared, not copied). */
    byte[] data() {
        return data;
    }
}

package io.github.perceptron.dataset;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * The images that broke {@code serve} (issue 25, findings 4, 5, 9 and 14), built small, with
 * ordinary digits beside them: the seeds of the decoder's fuzz test.
 */
final class HostileImages {

    private HostileImages() {
    }

    /** Every seed by name. */
    static Map<String, byte[]> all() {
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        BufferedImage digit = digit(28);
        seeds.put("png", encode(digit, "png"));
        seeds.put("gif", encode(digit, "gif"));
        seeds.put("jpeg", encode(digit, "jpeg"));
        seeds.put("bmp", encode(digit, "bmp"));
        seeds.put("bmp with RLE8", rle8Bmp());
        seeds.put("bmp cut short", cut(encode(digit, "bmp"), 0.5));
        seeds.put("jpeg cut short", cut(encode(noise(64), "jpeg"), 0.6));
        seeds.put("bmp declaring an embedded png of 2 GB", bmpDeclaringEmbeddedPng(Integer.MAX_VALUE, new byte[0]));
        seeds.put("bmp of 28x28 carrying a png", bmpDeclaringEmbeddedPng(-1, encode(digit(64), "png")));
        seeds.put("progressive jpeg", progressiveJpegRepeatingScans(digit(28), 1));
        seeds.put("progressive jpeg of many scans", progressiveJpegRepeatingScans(noise(32), 40));
        seeds.put("jpeg warning on every block", resource("/fuzz/jpeg-warning-on-every-block.jpg"));
        seeds.put("png declaring 33554444x12", resource("/fuzz/png-claiming-33554444x12.png"));
        seeds.put("tiff", encode(digit, "tiff"));
        return seeds;
    }

    static BufferedImage digit(int size) {
        BufferedImage digit = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        digit.getGraphics().fillRect(size / 3, size / 5, size / 4, size * 3 / 5);
        return digit;
    }

    static BufferedImage noise(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
        Random random = new Random(size);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                image.getRaster().setSample(x, y, 0, random.nextInt(256));
            }
        }
        return image;
    }

    static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] cut(byte[] whole, double kept) {
        return Arrays.copyOf(whole, (int) (whole.length * kept));
    }

    /**
     * A BMP whose header says its pixels are an embedded PNG (biCompression 5) of {@code declared}
     * bytes (-1: the payload's own length), followed by {@code payload}.
     */
    static byte[] bmpDeclaringEmbeddedPng(int declared, byte[] payload) {
        byte[] header = Arrays.copyOf(encode(new BufferedImage(28, 28, BufferedImage.TYPE_3BYTE_BGR), "bmp"), 54);
        ByteBuffer fields = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
        fields.putInt(2, 54 + payload.length);                            // bfSize
        fields.putInt(10, 54);                                            // bfOffBits
        fields.putInt(30, 5);                                             // biCompression: BI_PNG
        fields.putInt(34, declared < 0 ? payload.length : declared);      // biSizeImage
        byte[] bmp = Arrays.copyOf(header, 54 + payload.length);
        System.arraycopy(payload, 0, bmp, 54, payload.length);
        return bmp;
    }

    /** An 8-bit indexed BMP, run-length encoded. */
    static byte[] rle8Bmp() {
        BufferedImage indexed = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_INDEXED);
        indexed.getGraphics().drawImage(digit(28), 0, 0, null);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("bmp").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionType("BI_RLE8");
        return write(writer, param, indexed);
    }

    /** A progressive JPEG whose scans are sent {@code times} over: each one costs a decoder a pass. */
    static byte[] progressiveJpegRepeatingScans(BufferedImage image, int times) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        byte[] jpeg = write(writer, param, image);
        int firstScan = indexOf(jpeg, (byte) 0xff, (byte) 0xda);
        int end = jpeg.length - 2;  // the EOI marker
        byte[] scans = Arrays.copyOfRange(jpeg, firstScan, end);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, firstScan);
        for (int i = 0; i < times; i++) {
            out.write(scans, 0, scans.length);
        }
        out.write(jpeg, end, 2);
        return out.toByteArray();
    }

    private static byte[] write(ImageWriter writer, ImageWriteParam param, BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static int indexOf(byte[] bytes, byte first, byte second) {
        for (int i = 0; i + 1 < bytes.length; i++) {
            if (bytes[i] == first && bytes[i + 1] == second) {
                return i;
            }
        }
        throw new IllegalStateException("marker not found");
    }

    private static byte[] resource(String name) {
        try (InputStream in = HostileImages.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.github.perceptron.core.data;

import java.util.Locale;

/**
 * How a model normalises each image before its network sees it: not at all, by deskewing, or by
 * stretching the ink to a fixed width. Members of a committee that each see the digits normalised
 * their own way err on different images (Cireşan, Meier, Gambardella and Schmidhuber 2012 trained
 * their record committee so), which seeds alone do not give.
 *
 * <p>The transform maps bytes to bytes (0 background, 255 ink), so that training, which reads
 * bytes, and prediction, which reads {@code [0,1]} floats ({@link #apply(float[], int, int)}
 * quantises them to the nearest 1/255 first), compute the very same images. Both kinds resample
 * bilinearly (outside the image reads as background) and round to the nearest byte:
 * <ul>
 *   <li>{@link #DESKEW}: the shear that makes the ink's second moments upright (its covariance of
 *       rows and columns zero), about the ink's centre of mass, which moves to the image's centre;</li>
 *   <li>{@link #width(int)}: the ink's bounding box stretched (or squeezed) to {@code N} pixels
 *       wide, its height kept, then its centre of mass moved to the image's centre, as MNIST's
 *       digits were centred.</li>
 * </ul>
 * An image without ink is left as it is. Immutable; {@link #apply} is thread-safe.
 *
 * @param kind     what the transform does
 * @param inkWidth for {@link Kind#WIDTH}, the ink's width in pixels; 0 otherwise
 */
public record InputNormalisation(Kind kind, int inkWidth) {

    /** The smallest width {@link #width(int)} takes. */
    public static final int MIN_WIDTH = 2;
    /** The largest width {@link #width(int)} takes (and the widest image it normalises). */
    public static final int MAX_WIDTH = 1024;

    /** The images as they are. */
    public static final InputNormalisation NONE = new InputNormalisation(Kind.NONE, 0);
    /** Each image sheared upright by its second moments, its centre of mass moved to the centre. */
    public static final InputNormalisation DESKEW = new InputNormalisation(Kind.DESKEW, 0);

    /** What a normalisation does. */
    public enum Kind {
        /** Nothing. */
        NONE,
        /** Shear upright by the second moments. */
        DESKEW,
        /** Stretch the ink's bounding box to a width. */
        WIDTH
    }

    /**
     * Checks the width against the kind.
     *
     * @param kind     what the transform does
     * @param inkWidth for {@link Kind#WIDTH}, the ink's width in pixels; 0 otherwise
     * @throws IllegalArgumentException if {@code kind} is null, or the width is not in
     *                                  [{@value #MIN_WIDTH}, {@value #MAX_WIDTH}] for {@link Kind#WIDTH} and 0 otherwise
     */
    public InputNormalisation {
        if (kind == null) {
            throw new IllegalArgumentException("a normalisation needs a kind");
        }
        if (kind == Kind.WIDTH ? !isWidth(inkWidth) : inkWidth != 0) {
            throw new IllegalArgumentException(kind == Kind.WIDTH
                    ? "the normalised width must be " + MIN_WIDTH + " to " + MAX_WIDTH + " pixels, was " + inkWidth
                    : kind.name().toLowerCase(Locale.ROOT) + " takes no width, was given " + inkWidth);
        }
    }

    /**
     * The ink stretched to {@code pixels} wide.
     *
     * @param pixels the ink's width after normalisation, {@value #MIN_WIDTH} to {@value #MAX_WIDTH}
     * @return the normalisation
     * @throws IllegalArgumentException if {@code pixels} is out of range
     */
    public static InputNormalisation width(int pixels) {
        return new InputNormalisation(Kind.WIDTH, pixels);
    }

    /**
     * Reads the name {@link #id()} gives: {@code none}, {@code deskew} or {@code widthN}.
     *
     * @param id the name
     * @return the normalisation
     * @throws IllegalArgumentException naming the value and what is accepted
     */
    public static InputNormalisation parse(String id) {
        String name = id.trim().toLowerCase(Locale.ROOT);
        if (name.equals("none")) {
            return NONE;
        }
        if (name.equals("deskew")) {
            return DESKEW;
        }
        if (name.startsWith("width") && name.length() > 5 && name.length() <= 9
                && name.substring(5).chars().allMatch(Character::isDigit)) {
            int pixels = Integer.parseInt(name.substring(5));
            if (!isWidth(pixels)) {
                throw new IllegalArgumentException("'" + id + "' is not a normalisation: widthN takes N = " + MIN_WIDTH
                        + ".." + MAX_WIDTH + " pixels, as width16");
            }
            return width(pixels);
        }
        throw new IllegalArgumentException("'" + id + "' is not a normalisation: none, deskew or widthN (N = "
                + MIN_WIDTH + ".." + MAX_WIDTH + " pixels, as width16)");
    }

    private static boolean isWidth(int pixels) {
        return pixels >= MIN_WIDTH && pixels <= MAX_WIDTH;
    }

    /** @return {@code none}, {@code deskew} or {@code widthN}, as {@link #parse} reads it */
    public String id() {
        return kind == Kind.WIDTH ? "width" + inkWidth : kind.name().toLowerCase(Locale.ROOT);
    }

    /** @return whether this normalisation changes images at all */
    public boolean isNone() {
        return kind == Kind.NONE;
    }

    /**
     * Normalises every image: a new compact set with the same labels and classes.
     *
     * @param images the images
     * @return {@code images} itself when this is {@link #NONE}; otherwise the normalised copy
     */
    public LabelledImages apply(LabelledImages images) {
        if (isNone()) {
            return images;
        }
        int n = images.pixelCount();
        byte[] source = new byte[Math.multiplyExact(images.size(), n)];
        images.copyPixels(source, 0);
        byte[] target = new byte[source.length];
        for (int i = 0; i < images.size(); i++) {
            apply(source, i * n, target, i * n, images.width(), images.height());
        }
        int[] labels = new int[images.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = images.label(i);
        }
        return LabelledImages.handOver(target, labels, images.width(), images.height(), images.classNames());
    }

    /**
     * Normalises one image given as {@code [0,1]} floats: each value is first rounded to the
     * nearest byte ({@code round(v·255)}), so an image read from bytes is normalised exactly as in
     * training, then the result is scaled back ({@code b/255}, as training scales it).
     *
     * @param pixels {@code width × height} values in {@code [0,1]}, row-major; not changed
     * @param width  pixels per row
     * @param height rows
     * @return a new array: the normalised image, or a copy when this is {@link #NONE}
     */
    public float[] apply(float[] pixels, int width, int height) {
        if (isNone()) {
            return pixels.clone();
        }
        byte[] bytes = new byte[pixels.length];
        for (int p = 0; p < pixels.length; p++) {
            bytes[p] = (byte) Math.round(pixels[p] * 255f);
        }
        byte[] normalised = new byte[pixels.length];
        apply(bytes, 0, normalised, 0, width, height);
        float[] result = new float[pixels.length];
        for (int p = 0; p < result.length; p++) {
            result[p] = (normalised[p] & 0xff) * (1f / 255f);
        }
        return result;
    }

    /**
     * Normalises the image at {@code source[from ..]} into {@code target[to ..]}, {@code width × height}
     * bytes each.
     *
     * @param source the image's bytes
     * @param from   its first index
     * @param target where the normalised image goes (not {@code source}'s same range)
     * @param to     its first index
     * @param width  pixels per row
     * @param height rows
     */
    public void apply(byte[] source, int from, byte[] target, int to, int width, int height) {
        double[] image = new double[width * height];
        for (int p = 0; p < image.length; p++) {
            image[p] = source[from + p] & 0xff;
        }
        double[] result = switch (kind) {
            case NONE -> image;
            case DESKEW -> InkGeometry.deskew(image, width, height);
            case WIDTH -> InkGeometry.stretchToWidth(image, width, height, inkWidth);
        };
        for (int p = 0; p < result.length; p++) {
            target[to + p] = (byte) InkGeometry.toByte(result[p]);
        }
    }
}

package io.github.perceptron.core.data;

import io.github.perceptron.core.digest.ContentDigest;
import io.github.perceptron.core.kernel.KernelChoice;
import java.util.List;

/**
 * Grey-scale images with class labels, held compactly: one unsigned byte per pixel (0 = background,
 * 255 = ink), {@code width×height} pixels per image, row-major, images one after another. Pixels
 * become {@code [0,1]} floats only when a batch is built.
 *
 * <p>Instances are immutable views: {@link #slice} shares the arrays.
 */
public final class LabelledImages {

    private final byte[] pixels;
    private final int[] labels;
    private final int first;
    private final int count;
    private final int width;
    private final int height;
    private final List<String> classNames;

    /**
     * Images from arrays the caller keeps: all three are copied, so changing the arrays afterwards
     * changes nothing here. A reader that builds the arrays only to hand them over uses
     * {@link #handOver} instead and saves the copy (47 MB for MNIST's training set).
     *
     * @param pixels     {@code labels.length × width × height} bytes
     * @param labels     class indices in {@code [0, classNames.size())}
     * @param classNames one name per class, in class-index order
     */
    public LabelledImages(byte[] pixels, int[] labels, int width, int height, List<String> classNames) {
        this(pixels.clone(), labels.clone(), 0, labels.length, width, height, List.copyOf(classNames));
        checkWhole();
    }

    /**
     * Images from arrays the caller hands over and must not touch again (a dataset reader that has
     * just filled them): no copy is made. Checked like the constructor.
     */
    public static LabelledImages handOver(byte[] pixels, int[] labels, int width, int height, List<String> classNames) {
        LabelledImages images = new LabelledImages(pixels, labels, 0, labels.length, width, height,
                List.copyOf(classNames));
        images.checkWhole();
        return images;
    }

    /** The checks a whole set of images (not a view of one) must pass. */
    private void checkWhole() {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("image size must be positive, was " + width + "×" + height);
        }
        if ((long) labels.length * width * height != pixels.length) {
            throw new IllegalArgumentException(labels.length + " images of " + width + "×" + height
                    + " need " + (long) labels.length * width * height + " pixels, got " + pixels.length);
        }
        if (classNames.size() < 2) {
            throw new IllegalArgumentException("need at least 2 classes, got " + classNames);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classNames.size()) {
                throw new IllegalArgumentException("label " + labels[i] + " of image " + i
                        + " is outside [0, " + classNames.size() + ")");
            }
        }
    }

    private LabelledImages(byte[] pixels, int[] labels, int first, int count, int width, int height,
                           List<String> classNames) {
        this.pixels = pixels;
        this.labels = labels;
        this.first = first;
        this.count = count;
        this.width = width;
        this.height = height;
        this.classNames = classNames;
    }

    /** Classes named by their index, {@code "0"} to {@code count - 1}: MNIST's digits are {@code numberedClasses(10)}. */
    public static List<String> numberedClasses(int count) {
        return java.util.stream.IntStream.range(0, count).mapToObj(Integer::toString).toList();
    }

    public int size() {
        return count;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Pixels per image. */
    public int pixelCount() {
        return width * height;
    }

    public List<String> classNames() {
        return classNames;
    }

    public int classCount() {
        return classNames.size();
    }

    public int label(int index) {
        return labels[first + checked(index)];
    }

    /** The unsigned value (0–255) of pixel {@code pixel} of image {@code index}. */
    public int pixel(int index, int pixel) {
        return pixels[(first + checked(index)) * pixelCount() + pixel] & 0xff;
    }

    /** Writes image {@code index} scaled to {@code [0,1]} into {@code target} from {@code offset}. */
    public void copyScaled(int index, float[] target, int offset) {
        int n = pixelCount();
        KernelChoice.scalePixels(pixels, (first + checked(index)) * n, target, offset, n);
    }

    /** Images {@code [from, to)} as a view sharing this one's storage. */
    public LabelledImages slice(int from, int to) {
        if (from < 0 || to > count || from > to) {
            throw new IndexOutOfBoundsException("slice [" + from + ", " + to + ") of " + count + " images");
        }
        return new LabelledImages(pixels, labels, first + from, to - from, width, height, classNames);
    }

    /** Images {@code indices} (in that order) as a new compact set: a copy, not a view. */
    public LabelledImages select(int[] indices) {
        int n = pixelCount();
        byte[] chosen = new byte[Math.multiplyExact(indices.length, n)];
        int[] chosenLabels = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            int index = first + checked(indices[i]);
            System.arraycopy(pixels, index * n, chosen, i * n, n);
            chosenLabels[i] = labels[index];
        }
        return new LabelledImages(chosen, chosenLabels, 0, indices.length, width, height, classNames);
    }

    /**
     * {@code sha256:} and the hex digest of these images as decoded: size, class names, labels and
     * pixels. The same data gives the same digest whatever file format it came from.
     */
    public String contentDigest() {
        return new ContentDigest(count, width, height, classNames).labels(labels, first, count)
                .pixels(pixels, first * pixelCount(), count * pixelCount()).finish();
    }

    /** Copies these images' pixels, {@code width × height} bytes an image, into {@code target} from {@code offset}. */
    public void copyPixels(byte[] target, int offset) {
        System.arraycopy(pixels, first * pixelCount(), target, offset, count * pixelCount());
    }

    /** How many images carry each label. */
    public int[] labelHistogram() {
        int[] histogram = new int[classCount()];
        for (int i = 0; i < count; i++) {
            histogram[labels[first + i]]++;
        }
        return histogram;
    }

    private int checked(int index) {
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException("image " + index + " of " + count);
        }
        return index;
    }
}

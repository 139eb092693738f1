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
     * @param width      pixels per row, at least 1
     * @param height     rows per image, at least 1
     * @throws IllegalArgumentException if the sizes disagree, fewer than 2 classes are named, or a label is out of range
     */
    public LabelledImages(byte[] pixels, int[] labels, int width, int height, List<String> classNames) {
        this(pixels.clone(), labels.clone(), 0, labels.length, width, height, List.copyOf(classNames));
        checkWhole();
    }

    /**
     * Images from arrays the caller hands over and must not touch again (a dataset reader that has
     * just filled them): no copy is made. Checked like the constructor.
     *
     * @param pixels     {@code labels.length × width × height} bytes, kept without a copy
     * @param labels     class indices in {@code [0, classNames.size())}, kept without a copy
     * @param width      pixels per row, at least 1
     * @param height     rows per image, at least 1
     * @param classNames one name per class, in class-index order
     * @return the images
     * @throws IllegalArgumentException if the sizes disagree, fewer than 2 classes are named, or a label is out of range
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

    /**
     * Classes named by their index, {@code "0"} to {@code count - 1}: MNIST's digits are {@code numberedClasses(10)}.
     *
     * @param count how many classes
     * @return {@code count} names
     */
    public static List<String> numberedClasses(int count) {
        return java.util.stream.IntStream.range(0, count).mapToObj(Integer::toString).toList();
    }

    /** @return how many images */
    public int size() {
        return count;
    }

    /** @return pixels per row */
    public int width() {
        return width;
    }

    /** @return rows per image */
    public int height() {
        return height;
    }

    /**
     * Pixels per image.
     *
     * @return {@code width × height}
     */
    public int pixelCount() {
        return width * height;
    }

    /** @return one name per class, in class-index order (unmodifiable) */
    public List<String> classNames() {
        return classNames;
    }

    /** @return how many classes there are (whether or not every one has images here) */
    public int classCount() {
        return classNames.size();
    }

    /**
     * The label of image {@code index}.
     *
     * @param index in {@code [0, size())}
     * @return its class index, in {@code [0, classCount())}
     * @throws IndexOutOfBoundsException if {@code index} is out of range
     */
    public int label(int index) {
        return labels[first + checked(index)];
    }

    /**
     * The unsigned value (0–255) of pixel {@code pixel} of image {@code index}.
     *
     * @param index image index, in {@code [0, size())}
     * @param pixel pixel index within the image, row-major, in {@code [0, pixelCount())}
     * @return the byte, 0 (background) to 255 (ink)
     * @throws IndexOutOfBoundsException if either index is out of range
     */
    public int pixel(int index, int pixel) {
        return pixels[(first + checked(index)) * pixelCount() + pixel] & 0xff;
    }

    /**
     * Writes image {@code index} scaled to {@code [0,1]} into {@code target} from {@code offset}.
     *
     * Pixel {@code p} becomes {@code p / 255}, exactly as training sees it.
     *
     * @param index  image index, in {@code [0, size())}
     * @param target where to write {@link #pixelCount()} values
     * @param offset the first index of {@code target} written
     * @throws IndexOutOfBoundsException if {@code index} is out of range or {@code target} too short
     */
    public void copyScaled(int index, float[] target, int offset) {
        int n = pixelCount();
        KernelChoice.scalePixels(pixels, (first + checked(index)) * n, target, offset, n);
    }

    /**
     * Images {@code [from, to)} as a view sharing this one's storage.
     *
     * @param from first image, inclusive
     * @param to   last image, exclusive
     * @return the view
     * @throws IndexOutOfBoundsException unless {@code 0 <= from <= to <= size()}
     */
    public LabelledImages slice(int from, int to) {
        if (from < 0 || to > count || from > to) {
            throw new IndexOutOfBoundsException("slice [" + from + ", " + to + ") of " + count + " images");
        }
        return new LabelledImages(pixels, labels, first + from, to - from, width, height, classNames);
    }

    /**
     * Images {@code indices} (in that order) as a new compact set: a copy, not a view.
     *
     * @param indices image indices, each in {@code [0, size())}, repeats allowed
     * @return the chosen images
     * @throws IndexOutOfBoundsException if an index is out of range
     */
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
     *
     * @return {@code sha256:} followed by 64 hex digits
     */
    public String contentDigest() {
        return new ContentDigest(count, width, height, classNames).labels(labels, first, count)
                .pixels(pixels, first * pixelCount(), count * pixelCount()).finish();
    }

    /**
     * Copies these images' pixels, {@code width × height} bytes an image, into {@code target} from {@code offset}.
     *
     * @param target where to write {@code size() × pixelCount()} bytes
     * @param offset the first index of {@code target} written
     * @throws IndexOutOfBoundsException if {@code target} is too short
     */
    public void copyPixels(byte[] target, int offset) {
        System.arraycopy(pixels, first * pixelCount(), target, offset, count * pixelCount());
    }

    /**
     * How many images carry each label.
     *
     * @return one count per class index (a new array)
     */
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

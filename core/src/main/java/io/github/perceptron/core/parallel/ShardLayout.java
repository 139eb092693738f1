package io.github.perceptron.core.parallel;

import io.github.perceptron.core.data.LabelledImages;
import io.github.perceptron.core.values.ArrayValues;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What data-parallel training knows of data it may never hold: the shards' sizes, the label counts
 * over all of them, the images' shape and class names, and the content digest of the whole.
 */
public record ShardLayout(int[] sizes, int[] labelHistogram, int width, int height, List<String> classNames,
                          String contentDigest) implements Serializable {

    private static final long serialVersionUID = 1L;

    public ShardLayout {
        sizes = sizes.clone();
        labelHistogram = labelHistogram.clone();
        classNames = List.copyOf(classNames);
    }

    /** Equal when every field is, the arrays by their values. */
    @Override
    public boolean equals(Object other) {
        return other instanceof ShardLayout that && Arrays.equals(sizes, that.sizes)
                && Arrays.equals(labelHistogram, that.labelHistogram) && width == that.width && height == that.height
                && classNames.equals(that.classNames) && contentDigest.equals(that.contentDigest);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(sizes), Arrays.hashCode(labelHistogram), width, height, classNames,
                contentDigest);
    }

    @Override
    public String toString() {
        return "ShardLayout[sizes=" + ArrayValues.text(sizes) + ", labelHistogram=" + ArrayValues.text(labelHistogram)
                + ", width=" + width + ", height=" + height + ", classNames=" + classNames + ", contentDigest="
                + contentDigest + "]";
    }

    /**
     * {@code all} cut into {@code shards} contiguous blocks, block {@code s} from example
     * {@code n·s/shards} (sizes differ by one at most).
     */
    public static ShardLayout of(LabelledImages all, int shards) {
        if (shards < 1 || shards > all.size()) {
            throw new IllegalArgumentException("--shards must be in 1.." + all.size() + " (the training images), was " + shards);
        }
        int[] sizes = new int[shards];
        for (int s = 0; s < shards; s++) {
            sizes[s] = blockStart(all.size(), shards, s + 1) - blockStart(all.size(), shards, s);
        }
        return new ShardLayout(sizes, all.labelHistogram(), all.width(), all.height(), all.classNames(), all.contentDigest());
    }

    /** Shard {@code s} of {@code all}, as {@link #of} cuts it. */
    public static LabelledImages shard(LabelledImages all, int shards, int s) {
        return all.slice(blockStart(all.size(), shards, s), blockStart(all.size(), shards, s + 1));
    }

    @Override
    public int[] sizes() {
        return sizes.clone();
    }

    @Override
    public int[] labelHistogram() {
        return labelHistogram.clone();
    }

    public int shards() {
        return sizes.length;
    }

    public int pixelCount() {
        return width * height;
    }

    private static int blockStart(int n, int shards, int s) {
        return (int) ((long) n * s / shards);
    }
}

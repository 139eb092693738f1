package io.github.perceptron.core.data;

import io.github.perceptron.core.random.SeededRandom;
import io.github.perceptron.core.values.ArrayValues;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Which training images are held out to choose settings on (early stopping, {@code tune}): never
 * trained on, and never the test set.
 *
 * <p>{@link Kind#STRATIFIED} draws, with a generator seeded by {@code seed}, from each class in
 * proportion to its share of the training images, so a rare class is held out in its own
 * proportion too; the same seed and data give the same split. {@link Kind#LAST} holds out the last
 * images in storage order: how checkpoints written before the stratified split was introduced
 * held theirs out, kept so they resume on the same split.
 *
 * @param count    images held out; 0 when {@code fraction} is given, or for no split
 * @param fraction the share of the training images held out, in {@code (0, 1)}; 0 when
 *                 {@code count} is given
 */
public record ValidationSplit(Kind kind, int count, double fraction, long seed) {

    /** No images held out. */
    public static final ValidationSplit NONE = new ValidationSplit(Kind.STRATIFIED, 0, 0, 0);

    /** How the held-out images are chosen. */
    public enum Kind {
        /** Drawn class by class with the seed, each class in its proportion. */
        STRATIFIED,
        /** The last images in storage order. */
        LAST
    }

    /** A stream of the split's own, apart from the run's generator drawn with the same seed. */
    private static final long SPLIT_STREAM = 0x5b1175eedL;

    /**
     * Checks the components.
     *
     * @param kind how the images are chosen
     * @param count images held out; 0 when {@code fraction} is given, or for no split
     * @param fraction the share of the training images held out, in {@code (0, 1)}; 0 when {@code count} is given
     * @param seed the draw's seed (stratified splits only)
     * @throws IllegalArgumentException if {@code kind} is null, {@code count} negative, {@code fraction}
     *                                  outside [0, 1), or both a count and a fraction are given
     */
    public ValidationSplit {
        if (kind == null) {
            throw new IllegalArgumentException("the kind of validation split must be given");
        }
        if (count < 0) {
            throw new IllegalArgumentException("the validation split must hold 0 images or more, was " + count);
        }
        if (!(fraction >= 0 && fraction < 1)) {
            throw new IllegalArgumentException("the validation fraction must be in (0, 1), was " + fraction);
        }
        if (count > 0 && fraction > 0) {
            throw new IllegalArgumentException("a validation split is a count or a fraction, not both");
        }
    }

    /**
     * {@code count} images drawn class by class with {@code seed}.
     *
     * @param count how many images to hold out, at least 0
     * @param seed  the draw's seed (a stream apart from training's, even for the same number)
     * @return the split
     * @throws IllegalArgumentException if {@code count} is negative
     */
    public static ValidationSplit stratified(int count, long seed) {
        return new ValidationSplit(Kind.STRATIFIED, count, 0, seed);
    }

    /**
     * A {@code fraction} of the images (rounded, at least one), drawn class by class with {@code seed}.
     *
     * @param fraction the share to hold out, in (0, 1)
     * @param seed     the draw's seed
     * @return the split
     * @throws IllegalArgumentException if {@code fraction} is outside [0, 1)
     */
    public static ValidationSplit stratifiedFraction(double fraction, long seed) {
        return new ValidationSplit(Kind.STRATIFIED, 0, fraction, seed);
    }

    /**
     * The last {@code count} images in storage order.
     *
     * @param count how many images to hold out, at least 0
     * @return the split
     * @throws IllegalArgumentException if {@code count} is negative
     */
    public static ValidationSplit last(int count) {
        return new ValidationSplit(Kind.LAST, count, 0, 0);
    }

    /** @return whether this split holds no image out */
    public boolean isNone() {
        return count == 0 && fraction == 0;
    }

    /**
     * How many of {@code total} training images this split holds out.
     *
     * @param total training images before the split
     * @return held-out images
     */
    public int sizeOf(int total) {
        return fraction > 0 ? (int) Math.max(1, Math.round(fraction * total)) : count;
    }

    /**
     * Splits {@code all} into the images trained on and those held out, each kept in storage order.
     *
     * @throws IllegalArgumentException when the split would leave no image to train on
     * @param all the training split's images
     * @return both parts and how many images of each class were held out
     */
    public Holdout apply(LabelledImages all) {
        int size = sizeOf(all.size());
        if (size >= all.size()) {
            throw new IllegalArgumentException("the validation split must hold 0 to " + (all.size() - 1)
                    + " of the " + all.size() + " training images, was " + size);
        }
        if (size == 0) {
            return new Holdout(all, all.slice(all.size(), all.size()), new int[all.classCount()], this);
        }
        if (kind == Kind.LAST) {
            LabelledImages held = all.slice(all.size() - size, all.size());
            return new Holdout(all.slice(0, all.size() - size), held, held.labelHistogram(),
                    last(size));
        }
        boolean[] heldOut = drawStratified(all, size);
        int[] train = new int[all.size() - size];
        int[] held = new int[size];
        int t = 0;
        int h = 0;
        for (int i = 0; i < all.size(); i++) {
            if (heldOut[i]) {
                held[h++] = i;
            } else {
                train[t++] = i;
            }
        }
        LabelledImages validation = all.select(held);
        return new Holdout(all.select(train), validation, validation.labelHistogram(), stratified(size, seed));
    }

    /**
     * {@code k} folds for cross-validation: each class's images are shuffled with {@code seed} and
     * dealt to the folds in turn, so every fold holds each class in its proportion (to one image)
     * and every image is held out by exactly one fold.
     *
     * @param all  the images to fold
     * @param k    how many folds, in {@code [2, all.size()]}
     * @param seed the deal's seed
     * @return the folds, in order
     * @throws IllegalArgumentException if {@code k} is out of range
     */
    public static List<Fold> folds(LabelledImages all, int k, long seed) {
        if (k < 2 || k > all.size()) {
            throw new IllegalArgumentException("cross-validation needs 2 to " + all.size() + " folds, was " + k);
        }
        int[][] members = members(all);
        SeededRandom random = new SeededRandom(seed ^ SPLIT_STREAM);
        int[] foldOf = new int[all.size()];
        int dealt = 0;
        for (int[] pool : members) {
            for (int i = pool.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = pool[i];
                pool[i] = pool[j];
                pool[j] = swap;
            }
            for (int index : pool) {
                // Dealing continues across classes, so small classes do not all start at fold 0.
                foldOf[index] = dealt++ % k;
            }
        }
        List<Fold> folds = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            int fold = f;
            int[] held = IntStream.range(0, all.size()).filter(i -> foldOf[i] == fold).toArray();
            int[] train = IntStream.range(0, all.size()).filter(i -> foldOf[i] != fold).toArray();
            folds.add(new Fold(all, train, held));
        }
        return folds;
    }

    /**
     * One round of cross-validation: trained on {@link #train}, scored on {@link #validation}. It
     * holds indices only and copies the images when asked, so k folds of a large set do not hold k
     * copies of it at once.
     */
    public static final class Fold {
        private final LabelledImages all;
        private final int[] train;
        private final int[] validation;

        private Fold(LabelledImages all, int[] train, int[] validation) {
            this.all = all;
            this.train = train;
            this.validation = validation;
        }

        /** @return the images this fold trains on (a new compact set) */
        public LabelledImages train() {
            return all.select(train);
        }

        /** @return the images this fold holds out (a new compact set) */
        public LabelledImages validation() {
            return all.select(validation);
        }
    }

    /** Each class's image indices, ascending. */
    private static int[][] members(LabelledImages all) {
        int[] perClass = all.labelHistogram();
        int[][] members = new int[perClass.length][];
        int[] filled = new int[perClass.length];
        for (int c = 0; c < perClass.length; c++) {
            members[c] = new int[perClass[c]];
        }
        for (int i = 0; i < all.size(); i++) {
            int c = all.label(i);
            members[c][filled[c]++] = i;
        }
        return members;
    }

    /** Each class's quota by largest remainder (ties to the lower class), then a seeded draw within it. */
    private boolean[] drawStratified(LabelledImages all, int size) {
        int[] perClass = all.labelHistogram();
        int classes = perClass.length;
        int[] quota = new int[classes];
        double[] remainder = new double[classes];
        int given = 0;
        for (int c = 0; c < classes; c++) {
            double exact = (double) size * perClass[c] / all.size();
            quota[c] = (int) Math.floor(exact);
            remainder[c] = exact - quota[c];
            given += quota[c];
        }
        Integer[] byRemainder = new Integer[classes];
        Arrays.setAll(byRemainder, c -> c);
        Arrays.sort(byRemainder, (a, b) -> Double.compare(remainder[b], remainder[a]));
        for (int k = 0; given < size; k++) {
            int c = byRemainder[k % classes];
            if (quota[c] < perClass[c]) {
                quota[c]++;
                given++;
            }
        }
        int[][] members = members(all);
        SeededRandom random = new SeededRandom(seed ^ SPLIT_STREAM);
        boolean[] heldOut = new boolean[all.size()];
        for (int c = 0; c < classes; c++) {
            int[] pool = members[c];
            // A partial Fisher–Yates: the first quota[c] places get a uniform sample of the class.
            for (int k = 0; k < quota[c]; k++) {
                int j = k + random.nextInt(pool.length - k);
                int swap = pool[k];
                pool[k] = pool[j];
                pool[j] = swap;
                heldOut[pool[k]] = true;
            }
        }
        return heldOut;
    }

    /**
     * The two parts of a training set.
     *
     * @param perClass held-out images per class index
     * @param split    the split as applied: its kind, its count (a fraction resolved) and seed
     */
    public record Holdout(LabelledImages train, LabelledImages validation, int[] perClass, ValidationSplit split) {

        /**
         * Copies {@code perClass}, so that the record owns its array.
         *
         * @param train the images trained on
         * @param validation the images held out
         * @param perClass held-out images per class index
         * @param split the split as applied
         */
        public Holdout {
            perClass = perClass.clone();
        }

        /** @return held-out images per class index (a copy) */
        @Override
        public int[] perClass() {
            return perClass.clone();
        }

        /** Equal when both parts are the same objects, and the counts per class and the split are equal. */
        @Override
        public boolean equals(Object other) {
            return other instanceof Holdout that && train == that.train && validation == that.validation
                    && Arrays.equals(perClass, that.perClass) && split.equals(that.split);
        }

        @Override
        public int hashCode() {
            return Objects.hash(System.identityHashCode(train), System.identityHashCode(validation),
                    Arrays.hashCode(perClass), split);
        }

        @Override
        public String toString() {
            return "Holdout[train=" + train.size() + " images, validation=" + validation.size() + " images, perClass="
                    + ArrayValues.text(perClass) + ", split=" + split + "]";
        }
    }
}

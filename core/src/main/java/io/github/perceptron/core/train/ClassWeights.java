package io.github.perceptron.core.train;

import java.util.List;

/**
 * How much each class's examples count in the training loss, for data whose classes are not
 * equally common: each example's loss and gradient are multiplied by its class's weight. The loss
 * reported on evaluation data stays unweighted.
 *
 * @param balanced weigh each class by {@code n / (k · n_c)} for {@code n} training examples of
 *                 {@code k} classes, {@code n_c} of this class: every class then counts as much in total
 * @param weights  explicit weights, one per class (empty when balanced or unweighted)
 */
public record ClassWeights(boolean balanced, List<Double> weights) {

    /** Every example counts once. */
    public static final ClassWeights NONE = new ClassWeights(false, List.of());

    /**
     * Checks the weights.
     *
     * @param balanced weigh each class by {@code n / (k · n_c)} for {@code n} training examples of {@code k} classes, {@code n_c} of this class: every class then counts as much in total
     * @param weights explicit weights, one per class (empty when balanced or unweighted)
     * @throws IllegalArgumentException if both balanced and explicit weights are given, a weight is
     *                                  negative or not finite, or every explicit weight is 0
     */
    public ClassWeights {
        weights = List.copyOf(weights);
        if (balanced && !weights.isEmpty()) {
            throw new IllegalArgumentException("class weights are balanced or explicit, not both");
        }
        double sum = 0;
        for (double weight : weights) {
            if (!(weight >= 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("class weights must be finite numbers >= 0, was " + weight);
            }
            sum += weight;
        }
        if (!weights.isEmpty() && sum == 0) {
            throw new IllegalArgumentException("at least one class weight must be above 0");
        }
    }

    /**
     * Each class weighed by {@code n / (k · n_c)}, from the training data's counts.
     *
     * @return the weights
     */
    public static ClassWeights balancedWeights() {
        return new ClassWeights(true, List.of());
    }

    /**
     * Explicit weights, one per class in class-index order.
     *
     * @param weights finite numbers, at least 0, not all 0
     * @return the weights
     * @throws IllegalArgumentException if a weight is negative or not finite, or all are 0
     */
    public static ClassWeights of(List<Double> weights) {
        return new ClassWeights(false, weights);
    }

    /** @return whether any example counts other than once */
    public boolean isActive() {
        return balanced || !weights.isEmpty();
    }

    /**
     * The weight of each class for training data with {@code histogram[c]} examples of class {@code c}; null when unweighted.
     *
     * @param histogram training examples per class index
     * @return one weight per class, or null
     * @throws IllegalArgumentException if explicit weights are not one per class
     */
    public float[] resolve(int[] histogram) {
        if (!isActive()) {
            return null;
        }
        int classes = histogram.length;
        float[] resolved = new float[classes];
        if (!balanced) {
            if (weights.size() != classes) {
                throw new IllegalArgumentException(weights.size() + " class weights for " + classes + " classes");
            }
            for (int c = 0; c < classes; c++) {
                resolved[c] = weights.get(c).floatValue();
            }
            return resolved;
        }
        long total = 0;
        for (int count : histogram) {
            total += count;
        }
        for (int c = 0; c < classes; c++) {
            // A class with no training example has no loss to weigh.
            resolved[c] = histogram[c] == 0 ? 0f : (float) ((double) total / ((double) classes * histogram[c]));
        }
        return resolved;
    }

    /**
     * As the command line and the provenance write it.
     *
     * @return {@code none}, {@code balanced}, or the weights separated by commas
     */
    public String describe() {
        if (balanced) {
            return "balanced";
        }
        return weights.isEmpty() ? "none" : weights.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
    }
}

package io.github.perceptron.core.model;

import io.github.perceptron.core.values.ArrayValues;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** A classified image: the most likely class and the probability of every class. */
public record Prediction(int label, String className, float[] probabilities) {

    /**
     * Copies the probabilities, so that the record owns them.
     *
     * @param label the most likely class's index
     * @param className its name
     * @param probabilities one probability per class, in class-index order
     */
    public Prediction {
        probabilities = probabilities.clone();
    }

    /** @return one probability per class, in class-index order, summing to about 1 (a copy) */
    @Override
    public float[] probabilities() {
        return probabilities.clone();
    }

    /** Equal when the label, the class name and every probability's bits are. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Prediction that && label == that.label && className.equals(that.className)
                && Arrays.equals(probabilities, that.probabilities);
    }

    @Override
    public int hashCode() {
        return Objects.hash(label, className, Arrays.hashCode(probabilities));
    }

    @Override
    public String toString() {
        return "Prediction[label=" + label + ", className=" + className + ", probabilities="
                + ArrayValues.text(probabilities) + "]";
    }

    /**
     * The probability of the predicted class.
     *
     * @return a value in [0, 1]
     */
    public float confidence() {
        return probabilities[label];
    }

    /**
     * The {@code k} most likely class indices, most likely first.
     *
     * @param k how many; more than there are classes gives every class
     * @return class indices, most likely first (ties in index order)
     */
    public List<Integer> top(int k) {
        List<Integer> classes = new ArrayList<>();
        for (int c = 0; c < probabilities.length; c++) {
            classes.add(c);
        }
        classes.sort(Comparator.comparingDouble((Integer c) -> -probabilities[c]));
        return List.copyOf(classes.subList(0, Math.min(k, classes.size())));
    }
}

package io.github.perceptron.core.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A classified image: the most likely class and the probability of every class. */
public record Prediction(int label, String className, float[] probabilities) {

    public Prediction {
        probabilities = probabilities.clone();
    }

    @Override
    public float[] probabilities() {
        return probabilities.clone();
    }

    /** The probability of the predicted class. */
    public float confidence() {
        return probabilities[label];
    }

    /** The {@code k} most likely class indices, most likely first. */
    public List<Integer> top(int k) {
        List<Integer> classes = new ArrayList<>();
        for (int c = 0; c < probabilities.length; c++) {
            classes.add(c);
        }
        classes.sort(Comparator.comparingDouble((Integer c) -> -probabilities[c]));
        return List.copyOf(classes.subList(0, Math.min(k, classes.size())));
    }
}

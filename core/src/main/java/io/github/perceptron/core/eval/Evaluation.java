package io.github.perceptron.core.eval;

import java.io.Serializable;
import java.util.List;

/**
 * How a network did on a set of labelled examples: mean loss and the confusion matrix
 * {@code confusion[actual][predicted]}, from which accuracy, precision and recall follow.
 */
public record Evaluation(double loss, int[][] confusion, List<String> classNames) implements Serializable {

    private static final long serialVersionUID = 1L;

    public Evaluation {
        confusion = deepCopy(confusion);
        classNames = List.copyOf(classNames);
    }

    @Override
    public int[][] confusion() {
        return deepCopy(confusion);
    }

    /** The number of examples evaluated. */
    public int count() {
        int total = 0;
        for (int[] row : confusion) {
            for (int cell : row) {
                total += cell;
            }
        }
        return total;
    }

    /** The fraction of examples whose predicted class is their label. */
    public double accuracy() {
        int correct = 0;
        for (int c = 0; c < confusion.length; c++) {
            correct += confusion[c][c];
        }
        int total = count();
        return total == 0 ? 0 : (double) correct / total;
    }

    /** Of the examples predicted as {@code c}, the fraction that are {@code c} (0 when none were). */
    public double precision(int c) {
        int predicted = 0;
        for (int[] row : confusion) {
            predicted += row[c];
        }
        return predicted == 0 ? 0 : (double) confusion[c][c] / predicted;
    }

    /** Of the examples labelled {@code c}, the fraction predicted as {@code c} (0 when there are none). */
    public double recall(int c) {
        int actual = 0;
        for (int cell : confusion[c]) {
            actual += cell;
        }
        return actual == 0 ? 0 : (double) confusion[c][c] / actual;
    }

    private static int[][] deepCopy(int[][] matrix) {
        int[][] copy = new int[matrix.length][];
        for (int i = 0; i < matrix.length; i++) {
            copy[i] = matrix[i].clone();
        }
        return copy;
    }
}

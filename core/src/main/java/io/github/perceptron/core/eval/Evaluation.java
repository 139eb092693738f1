package io.github.perceptron.core.eval;

import io.github.perceptron.core.values.ArrayValues;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * How a network did on a set of labelled examples: mean loss and the confusion matrix
 * {@code confusion[actual][predicted]}, from which accuracy, precision and recall follow.
 *
 * @param loss       the mean loss per example (the plan's loss, unweighted by class); 0 when there are none
 * @param confusion  {@code confusion[actual][predicted]}: a square matrix, one row and column per class
 * @param classNames one name per class, in class-index order
 * @serial exclude (JDK 17's javadoc asks serializable records for field comments; later ones do not)
 */
public record Evaluation(double loss, int[][] confusion, List<String> classNames) implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * Copies the matrix and the names, so that the record owns them.
     *
     * @param loss the mean loss per example (the plan's loss, unweighted by class); 0 when there are none
     * @param confusion {@code confusion[actual][predicted]}: a square matrix, one row and column per class
     * @param classNames one name per class, in class-index order
     */
    public Evaluation {
        confusion = deepCopy(confusion);
        classNames = List.copyOf(classNames);
    }

    /** @return the confusion matrix {@code [actual][predicted]} (a copy) */
    @Override
    public int[][] confusion() {
        return deepCopy(confusion);
    }

    /** Equal when the loss's bits, every cell of the confusion matrix and the class names are. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Evaluation that && Double.compare(loss, that.loss) == 0
                && Arrays.deepEquals(confusion, that.confusion) && classNames.equals(that.classNames);
    }

    @Override
    public int hashCode() {
        return Objects.hash(loss, Arrays.deepHashCode(confusion), classNames);
    }

    @Override
    public String toString() {
        return "Evaluation[loss=" + loss + ", accuracy=" + accuracy() + ", count=" + count() + ", confusion="
                + ArrayValues.text(confusion) + ", classNames=" + classNames + "]";
    }

    /**
     * The number of examples evaluated.
     *
     * @return the sum of the confusion matrix
     */
    public int count() {
        int total = 0;
        for (int[] row : confusion) {
            for (int cell : row) {
                total += cell;
            }
        }
        return total;
    }

    /**
     * The fraction of examples whose predicted class is their label.
     *
     * @return a value in [0, 1]; 0 when nothing was evaluated
     */
    public double accuracy() {
        int correct = 0;
        for (int c = 0; c < confusion.length; c++) {
            correct += confusion[c][c];
        }
        int total = count();
        return total == 0 ? 0 : (double) correct / total;
    }

    /**
     * Of the examples predicted as {@code c}, the fraction that are {@code c} (0 when none were).
     *
     * @param c a class index, in {@code [0, classNames().size())}
     * @return a value in [0, 1]
     * @throws ArrayIndexOutOfBoundsException if {@code c} is out of range
     */
    public double precision(int c) {
        int predicted = 0;
        for (int[] row : confusion) {
            predicted += row[c];
        }
        return predicted == 0 ? 0 : (double) confusion[c][c] / predicted;
    }

    /**
     * Of the examples labelled {@code c}, the fraction predicted as {@code c} (0 when there are none).
     *
     * @param c a class index, in {@code [0, classNames().size())}
     * @return a value in [0, 1]
     * @throws ArrayIndexOutOfBoundsException if {@code c} is out of range
     */
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

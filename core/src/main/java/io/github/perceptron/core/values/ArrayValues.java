package io.github.perceptron.core.values;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Content equality, hashing and text for arrays held by records. Text shows an array of up to
 * {@value #SHOWN} values whole, and a longer one as its first values and its length, so that a
 * log line of a checkpoint's state stays a line.
 */
public final class ArrayValues {

    /** The most values printed of one array. */
    public static final int SHOWN = 16;

    private ArrayValues() {
    }

    /** {@code [0.1, 0.9]}, or {@code [0.1, 0.9, … (784 values)]} past {@value #SHOWN} values. */
    public static String text(float[] values) {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < Math.min(values.length, SHOWN); i++) {
            text.append(i == 0 ? "" : ", ").append(values[i]);
        }
        return ending(text, values.length);
    }

    /** As {@link #text(float[])}, for integers. */
    public static String text(int[] values) {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < Math.min(values.length, SHOWN); i++) {
            text.append(i == 0 ? "" : ", ").append(values[i]);
        }
        return ending(text, values.length);
    }

    /** A matrix whole up to {@value #SHOWN} rows, each as {@link #text(int[])}; otherwise its shape. */
    public static String text(int[][] rows) {
        if (rows.length > SHOWN) {
            return "[" + rows.length + "×" + (rows.length == 0 ? 0 : rows[0].length) + " values]";
        }
        return Arrays.stream(rows).map(ArrayValues::text).collect(Collectors.joining(", ", "[", "]"));
    }

    /** A list of tensors by their lengths: {@code [401920 floats, 512 floats]}. */
    public static String shapes(List<float[]> tensors) {
        return tensors.stream().map(t -> t.length + " floats").collect(Collectors.joining(", ", "[", "]"));
    }

    /** A list of tensor groups by their lengths: {@code [[401920, 401920], [512, 512]]}. */
    public static String groupShapes(List<float[][]> groups) {
        return groups.stream()
                .map(g -> Arrays.stream(g).map(t -> Integer.toString(t.length)).collect(Collectors.joining(", ", "[", "]")))
                .collect(Collectors.joining(", ", "[", "]"));
    }

    /** Whether two lists hold arrays of the same values, in order. */
    public static boolean equalFloats(List<float[]> a, List<float[]> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!Arrays.equals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether two lists hold groups of arrays of the same values, in order. */
    public static boolean equalFloatGroups(List<float[][]> a, List<float[][]> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!Arrays.deepEquals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** A hash of a list's arrays by content, consistent with {@link #equalFloats}. */
    public static int hashFloats(List<float[]> tensors) {
        int hash = 1;
        for (float[] tensor : tensors) {
            hash = 31 * hash + Arrays.hashCode(tensor);
        }
        return hash;
    }

    /** A hash of a list's groups by content, consistent with {@link #equalFloatGroups}. */
    public static int hashFloatGroups(List<float[][]> groups) {
        int hash = 1;
        for (float[][] group : groups) {
            hash = 31 * hash + Arrays.deepHashCode(group);
        }
        return hash;
    }

    private static String ending(StringBuilder text, int length) {
        if (length > SHOWN) {
            text.append(", … (").append(length).append(" values)");
        }
        return text.append(']').toString();
    }
}

package io.github.perceptron.core.values;

import java.util.Arrays;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.ToIntFunction;
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
        return equalLists(a, b, Arrays::equals);
    }

    /** Whether two lists hold groups of arrays of the same values, in order. */
    public static boolean equalFloatGroups(List<float[][]> a, List<float[][]> b) {
        return equalLists(a, b, Arrays::deepEquals);
    }

    /** A hash of a list's arrays by content, consistent with {@link #equalFloats}. */
    public static int hashFloats(List<float[]> tensors) {
        return hashList(tensors, Arrays::hashCode);
    }

    /** A hash of a list's groups by content, consistent with {@link #equalFloatGroups}. */
    public static int hashFloatGroups(List<float[][]> groups) {
        return hashList(groups, Arrays::deepHashCode);
    }

    private static <T> boolean equalLists(List<T> a, List<T> b, BiPredicate<T, T> equal) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!equal.test(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static <T> int hashList(List<T> list, ToIntFunction<T> hash) {
        int result = 1;
        for (T element : list) {
            result = 31 * result + hash.applyAsInt(element);
        }
        return result;
    }

    private static String ending(StringBuilder text, int length) {
        if (length > SHOWN) {
            text.append(", … (").append(length).append(" values)");
        }
        return text.append(']').toString();
    }
}

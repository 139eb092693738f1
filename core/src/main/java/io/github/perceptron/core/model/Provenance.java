package io.github.perceptron.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a model was made: enough to make it again, and to know which data it saw.
 *
 * @param plan        every field of the training plan, by name, as plain data: strings, numbers
 *                    (whole ones as {@code Long}, others as {@code Double}), booleans, and lists and
 *                    maps of them (files before format version 3 hold strings only)
 * @param trainDigest {@code sha256:} of the decoded training images and labels (before any split)
 * @param testDigest  the same of the test images
 * @param validation  the held-out images: {@code none}, or the split's kind, size, seed and images per class
 * @param keptEpoch   the epoch whose weights the model holds
 * @param keptBecause why that one: the last epoch, or the best validation figure under early stopping
 * @param kernel      the matrix kernel and its vector width, for example {@code vector (512-bit)}
 * @param threads     the threads it trained on (they change speed, never results)
 * @param java        the Java runtime
 * @param cpu         the processor
 * @param gitCommit   the commit perceptron was built from when built from a clone, else empty
 */
public record Provenance(Map<String, Object> plan, String trainDigest, String testDigest, String validation,
                         int keptEpoch, String keptBecause, String kernel, int threads, String java, String cpu,
                         String gitCommit) {

    /**
     * Checks the components and copies the plan as plain data.
     *
     * @param plan every field of the training plan, by name, as plain data: strings, numbers (whole ones as {@code Long}, others as {@code Double}), booleans, and lists and maps of them (files before format version 3 hold strings only)
     * @param trainDigest {@code sha256:} of the decoded training images and labels (before any split)
     * @param testDigest the same of the test images
     * @param validation the held-out images: {@code none}, or the split's kind, size, seed and images per class
     * @param keptEpoch the epoch whose weights the model holds
     * @param keptBecause why that one: the last epoch, or the best validation figure under early stopping
     * @param kernel the matrix kernel and its vector width, for example {@code vector (512-bit)}
     * @param threads the threads it trained on (they change speed, never results)
     * @param java the Java runtime
     * @param cpu the processor
     * @param gitCommit the commit perceptron was built from when built from a clone, else empty
     * @throws IllegalArgumentException if a component is null, {@code keptEpoch} is negative or {@code threads} below 1
     */
    public Provenance {
        if (plan == null || trainDigest == null || testDigest == null || validation == null || keptBecause == null
                || kernel == null || java == null || cpu == null || gitCommit == null) {
            throw new IllegalArgumentException("every field of a provenance must be given");
        }
        if (keptEpoch < 0 || threads < 1) {
            throw new IllegalArgumentException("the kept epoch must be >= 0 and threads >= 1, were " + keptEpoch
                    + " and " + threads);
        }
        plan = plainMap(plan);
    }

    /**
     * A read-only copy in which every number is a {@code Long} or a {@code Double}: the same plan
     * equals itself whether it was just made or read back from JSON, which gives small whole
     * numbers as {@code Integer}.
     */
    private static Map<String, Object> plainMap(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(String.valueOf(key), plain(value)));
        return Collections.unmodifiableMap(copy);
    }

    private static Object plain(Object value) {
        if (value instanceof Byte || value instanceof Short || value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        if (value instanceof Map<?, ?> map) {
            return plainMap(map);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Provenance::plain).toList();
        }
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        throw new IllegalArgumentException("a plan holds strings, numbers, booleans, lists and maps, not "
                + value.getClass().getSimpleName());
    }
}

package io.github.perceptron.core.tune;

import io.github.perceptron.core.random.SeededRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The fields a search varies, in order, each with the values it may take. Trials are lists of
 * field values: a grid walks every combination in order; a random search draws them from a seed,
 * never the same combination twice. The order decides the draws, so it must not change between
 * runs: a map with an order of its own (a {@link LinkedHashMap}, a {@link SortedMap}) keeps it;
 * any other (such as {@code Map.of}, whose order differs from one JVM to the next) is sorted by name.
 */
public record SearchSpace(Map<String, Dimension> dimensions) {

    /** How trials are chosen. */
    public enum Strategy {
        GRID, RANDOM
    }

    /** A stream of the search's own, apart from a training run drawn with the same seed. */
    private static final long SEARCH_STREAM = 0x7e57ab1eL;
    /** Draws tried per wanted trial before a random search over a small space gives up finding new ones. */
    private static final int DRAWS_PER_TRIAL = 50;

    public SearchSpace {
        if (dimensions == null || dimensions.isEmpty()) {
            throw new IllegalArgumentException("a search space needs at least one field");
        }
        dimensions = Collections.unmodifiableMap(dimensions instanceof LinkedHashMap || dimensions instanceof SortedMap
                ? new LinkedHashMap<>(dimensions) : new LinkedHashMap<>(new TreeMap<>(dimensions)));
    }

    /**
     * Up to {@code count} trials: a grid's first {@code count} combinations (the last field varying
     * fastest), or {@code count} distinct random ones drawn with {@code seed} (fewer when the space
     * holds fewer).
     */
    public List<Map<String, String>> trials(Strategy strategy, int count, long seed) {
        if (count < 1) {
            throw new IllegalArgumentException("a search needs at least one trial, was " + count);
        }
        return strategy == Strategy.GRID ? grid(count) : random(count, seed);
    }

    private List<Map<String, String>> grid(int count) {
        List<String> names = new ArrayList<>(dimensions.keySet());
        List<List<String>> values = new ArrayList<>();
        for (String name : names) {
            if (!(dimensions.get(name) instanceof Dimension.Choice choice)) {
                throw new IllegalArgumentException("a grid needs a list of values for every field; '" + name
                        + "' is a range (use a random search, or list its values)");
            }
            values.add(choice.values());
        }
        List<Map<String, String>> trials = new ArrayList<>();
        int[] at = new int[names.size()];
        while (trials.size() < count) {
            Map<String, String> trial = new LinkedHashMap<>();
            for (int f = 0; f < names.size(); f++) {
                trial.put(names.get(f), values.get(f).get(at[f]));
            }
            trials.add(Collections.unmodifiableMap(trial));
            int f = names.size() - 1;
            while (f >= 0 && ++at[f] == values.get(f).size()) {
                at[f] = 0;
                f--;
            }
            if (f < 0) {
                break;
            }
        }
        return trials;
    }

    private List<Map<String, String>> random(int count, long seed) {
        SeededRandom random = new SeededRandom(seed ^ SEARCH_STREAM);
        List<Map<String, String>> trials = new ArrayList<>();
        Set<Map<String, String>> seen = new HashSet<>();
        for (long draws = 0; trials.size() < count && draws < (long) DRAWS_PER_TRIAL * count; draws++) {
            Map<String, String> trial = new LinkedHashMap<>();
            dimensions.forEach((name, dimension) -> trial.put(name, dimension.draw(random)));
            if (seen.add(trial)) {
                trials.add(Collections.unmodifiableMap(trial));
            }
        }
        return trials;
    }
}

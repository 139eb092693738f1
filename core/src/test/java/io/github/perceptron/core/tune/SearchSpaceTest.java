package io.github.perceptron.core.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchSpaceTest {

    private static SearchSpace space(Object... namesAndDimensions) {
        Map<String, Dimension> dimensions = new LinkedHashMap<>();
        for (int i = 0; i < namesAndDimensions.length; i += 2) {
            dimensions.put((String) namesAndDimensions[i], (Dimension) namesAndDimensions[i + 1]);
        }
        return new SearchSpace(dimensions);
    }

    @Test
    void a_grid_walks_every_combination_with_the_last_field_fastest() {
        SearchSpace space = space("dropout", new Dimension.Choice(List.of("0", "0.2")),
                "layers", new Dimension.Choice(List.of("784,10", "784,30,10", "784,100,10")));
        List<Map<String, String>> trials = space.trials(SearchSpace.Strategy.GRID, 100, 1);
        assertThat(trials).hasSize(6);
        assertThat(trials.get(0)).containsExactly(Map.entry("dropout", "0"), Map.entry("layers", "784,10"));
        assertThat(trials.get(1)).containsEntry("layers", "784,30,10").containsEntry("dropout", "0");
        assertThat(trials.get(3)).containsEntry("dropout", "0.2").containsEntry("layers", "784,10");
        assertThat(space.trials(SearchSpace.Strategy.GRID, 4, 1)).isEqualTo(trials.subList(0, 4));
    }

    @Test
    void a_grid_refuses_a_range() {
        SearchSpace space = space("lr", new Dimension.LogUniform(0.01, 0.1));
        assertThatThrownBy(() -> space.trials(SearchSpace.Strategy.GRID, 3, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'lr' is a range");
    }

    @Test
    void a_random_search_is_seeded_distinct_and_in_range() {
        SearchSpace space = space("lr", new Dimension.LogUniform(0.01, 0.3),
                "momentum", new Dimension.Choice(List.of("0.8", "0.9")), "dropout", new Dimension.Uniform(0, 0.5));
        List<Map<String, String>> trials = space.trials(SearchSpace.Strategy.RANDOM, 30, 7);
        assertThat(space.trials(SearchSpace.Strategy.RANDOM, 30, 7)).isEqualTo(trials);
        assertThat(space.trials(SearchSpace.Strategy.RANDOM, 30, 8)).isNotEqualTo(trials);
        assertThat(trials).doesNotHaveDuplicates().hasSize(30).allSatisfy(trial -> {
            double lr = Double.parseDouble(trial.get("lr"));
            assertThat(lr).isBetween(0.01, 0.3);
            // Four significant digits: the value a trial reports is the value it used.
            assertThat(trial.get("lr").replaceFirst("^0\\.0*", "").replace(".", "")).hasSizeLessThanOrEqualTo(4);
            assertThat(Double.parseDouble(trial.get("dropout"))).isBetween(0.0, 0.5);
        });
        // Log-uniform: about as many draws below the geometric mean as above it.
        long low = trials.stream().filter(t -> Double.parseDouble(t.get("lr")) < Math.sqrt(0.01 * 0.3)).count();
        assertThat(low).isBetween(8L, 22L);
    }

    @Test
    void a_map_without_an_order_of_its_own_is_sorted_so_the_draws_never_depend_on_the_jvm() {
        Dimension choice = new Dimension.Choice(List.of("1", "2"));
        SearchSpace unordered = new SearchSpace(Map.of("momentum", choice, "dropout", choice, "lr", choice, "batch", choice));
        assertThat(unordered.dimensions().keySet()).containsExactly("batch", "dropout", "lr", "momentum");
        SearchSpace ordered = space("momentum", choice, "dropout", choice);
        assertThat(ordered.dimensions().keySet()).containsExactly("momentum", "dropout");
    }

    @Test
    void a_random_search_of_a_small_space_stops_when_it_has_seen_every_combination() {
        SearchSpace space = space("momentum", new Dimension.Choice(List.of("0.8", "0.9", "0.95")));
        assertThat(space.trials(SearchSpace.Strategy.RANDOM, 10, 1)).hasSize(3).doesNotHaveDuplicates();
    }
}

package io.github.perceptron.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.perceptron.core.tune.Dimension;
import io.github.perceptron.core.tune.SearchSpace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonSearchSpaceReaderTest {

    @TempDir
    Path dir;

    @Test
    void reads_lists_and_ranges_in_order() throws IOException {
        Path file = Files.writeString(dir.resolve("space.json"), """
                {"lr": {"log_uniform": [0.01, 0.3]}, "momentum": [0.8, 0.9],
                 "layers": ["784,256,10", "784,512,10"], "dropout": {"uniform": [0, 0.5]}}
                """);
        SearchSpace space = new JsonSearchSpaceReader().read(file);
        assertThat(space.dimensions().keySet()).containsExactly("lr", "momentum", "layers", "dropout");
        assertThat(space.dimensions().get("lr")).isEqualTo(new Dimension.LogUniform(0.01, 0.3));
        assertThat(space.dimensions().get("momentum")).isEqualTo(new Dimension.Choice(List.of("0.8", "0.9")));
        assertThat(space.dimensions().get("dropout")).isEqualTo(new Dimension.Uniform(0, 0.5));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[1, 2]|must be a JSON object",
        "{}|must be a JSON object",
        "{\"lr\": []}|field 'lr' lists no values",
        "{\"lr\": {\"log_uniform\": [0, 1]}}|field 'lr': a log-uniform range needs 0 < low",
        "{\"lr\": {\"normal\": [0, 1]}}|has the range 'normal'",
        "{\"lr\": {\"uniform\": [1]}}|field 'lr.uniform' must be [low, high]",
        "{\"lr\": 0.1}|field 'lr' must be a list",
        "{\"lr\": [0.1], \"lr\": [0.2]}|is not valid JSON",
        "{\"lr\": [0.1]} trailing|is not valid JSON"})
    void a_bad_file_is_refused_naming_the_file_and_the_field(String text, String problem) throws IOException {
        Path file = Files.writeString(dir.resolve("bad.json"), text);
        assertThatThrownBy(() -> new JsonSearchSpaceReader().read(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(file + ": ").hasMessageContaining(problem);
    }

    @Test
    void a_missing_file_is_named() {
        Path file = dir.resolve("absent.json");
        assertThatThrownBy(() -> new JsonSearchSpaceReader().read(file)).hasMessage(file + ": does not exist");
    }
}

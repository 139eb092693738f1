package io.github.perceptron.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code scripts/committee-experiment.sh} as it runs beside a {@link ScriptStandIn}: it trains, times, evaluates and tabulates. */
class CommitteeExperimentScriptTest {

    @TempDir
    Path root;

    private ScriptStandIn scripts;

    @BeforeEach
    void standIn() throws Exception {
        scripts = new ScriptStandIn(root);
    }

    /** Each variant of the pair of 300 trains the earlier preset with its one change, into files of its own. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--deep    | deep    | --layers 784,600,600,600,10",
        "--ciresan | ciresan | --augment elastic:37:5.5,shift"})
    void a_variant_pair_trains_the_preset_with_its_change_and_tabulates_it(String flag, String name, String change)
            throws Exception {
        ScriptStandIn.Result result = scripts.script("committee-experiment.sh", List.of("--long", "300", flag, "7"),
                Map.of());

        assertThat(result.code()).as(result.err()).isZero();
        Path model = root.resolve("models/committee-" + name + "-7.json");
        assertThat(Files.readAllLines(scripts.calls())).containsExactly("--version",
                "train --preset committee-five --normalise none --epochs 300 " + change + " --committee 2"
                        + " --seed 7 --json -o " + model,
                "evaluate -m " + model + " --json");
        Path out = root.resolve("docs/experiments/committee/" + name + "-members");
        assertThat(Files.readAllLines(out.resolve("events-7.txt")))
                .hasSize(3).allMatch(line -> line.matches("\\d+ \\{\"event\":.*"));
        assertThat(out.resolve("table.md")).content()
                .contains("| 7 | 2 | 99.50% | 99.30% |", "| 7 | all | **99.50%** (best member 99.40%) |");
        assertThat(out.resolve("accuracy.svg")).content().startsWith("<svg ");
    }

    @Test
    void the_experiment_refuses_options_that_do_not_make_one_experiment_before_anything_runs() throws Exception {
        for (List<String> args : List.of(List.of("--deep", "1"), List.of("--long", "0", "1"), List.of("--long"),
                List.of("--long", "300", "--seeds-only", "1"), List.of("--seeds-only", "--long", "300", "1"),
                List.of("--long", "300", "--five", "1"), List.of("--five", "--long", "300", "--deep", "1"),
                List.of("--ciresan", "--long", "300", "1"), List.of("--long", "300", "--deep", "--ciresan", "1"))) {
            ScriptStandIn.Result result = scripts.script("committee-experiment.sh", args, Map.of());

            assertThat(result.code()).as("%s", args).isEqualTo(2);
            assertThat(result.err().lines()).as("%s", args).hasSize(1).first().asString()
                    .startsWith("committee-experiment.sh: ");
            assertThat(scripts.calls()).as("%s", args).doesNotExist();
            assertThat(root.resolve("models")).as("%s", args).doesNotExist();
        }
    }
}

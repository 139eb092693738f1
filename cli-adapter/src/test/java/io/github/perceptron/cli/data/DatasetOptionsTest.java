package io.github.perceptron.cli.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine;

/** The data options a later command (the resume hint) must repeat. */
class DatasetOptionsTest {

    @Command(name = "probe")
    static final class Probe {
        @Mixin
        DatasetOptions dataset;
    }

    private static String arguments(String... args) {
        Probe probe = new Probe();
        new CommandLine(probe).parseArgs(args);
        return probe.dataset.asArguments();
    }

    @Test
    void the_default_mnist_needs_no_options() {
        assertThat(arguments()).isEmpty();
    }

    @Test
    void a_known_dataset_and_its_cache_are_repeated() {
        assertThat(arguments("--dataset", "fashion-mnist", "--data-dir", "/cache"))
                .isEqualTo(" --dataset fashion-mnist --data-dir " + Path.of("/cache"));
    }

    @Test
    void own_data_is_repeated_with_its_format_unless_idx() {
        assertThat(arguments("--data", "/digits")).isEqualTo(" --data " + Path.of("/digits"));
        assertThat(arguments("--data", "/digits", "--format", "csv")).isEqualTo(" --data " + Path.of("/digits") + " --format csv");
    }
}

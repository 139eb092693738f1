package io.github.perceptron.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.perceptron.core.testing.TinyModels;
import io.github.perceptron.persistence.JsonModelStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar as users run it, in a fresh JVM: every command must load (a dependency missing
 * from the jar shows up only here, never in the in-process tests).
 */
class PackagedJarIT {

    @TempDir
    Path dir;

    @Test
    void every_command_of_the_packaged_jar_loads_and_answers() throws Exception {
        for (String command : List.of("fetch", "train", "evaluate", "info", "predict", "bench")) {
            ChildJvm.Result help = run(command, "--help");
            assertThat(help.code()).as(command + ": " + help.err()).isZero();
            assertThat(help.out()).contains("Usage: perceptron " + command);
        }
    }

    @Test
    void the_packaged_jar_reads_a_model_and_fails_cleanly_on_a_bad_one() throws Exception {
        Path model = dir.resolve("tiny.json");
        new JsonModelStore().save(TinyModels.trained(), model);
        ChildJvm.Result info = run("info", "--model", model.toString());
        assertThat(info.code()).as(info.err()).isZero();
        assertThat(info.out()).contains("dense 12 relu");
        ChildJvm.Result missing = run("info", "--model", dir.resolve("absent.json").toString());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err().strip()).isEqualTo("perceptron: " + dir.resolve("absent.json") + ": file not found");
    }

    private ChildJvm.Result run(String... args) throws IOException, InterruptedException {
        return ChildJvm.run(ChildJvm.command(List.of(), List.of(), ChildJvm.JAR, args), dir);
    }
}

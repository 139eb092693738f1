package io.github.perceptron.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.perceptron.core.testing.TinyModels;
import io.github.perceptron.persistence.JsonModelStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar as users run it, in a fresh JVM: every command must load (a dependency missing
 * from the jar shows up only here, never in the in-process tests).
 */
class PackagedJarIT {

    private static final Path JAR = Path.of("target", "perceptron.jar");

    @TempDir
    Path dir;

    @Test
    void every_command_of_the_packaged_jar_loads_and_answers() throws Exception {
        for (String command : List.of("fetch", "train", "evaluate", "info", "predict", "bench")) {
            Run help = run(command, "--help");
            assertThat(help.code).as(command + ": " + help.err).isZero();
            assertThat(help.out).contains("Usage: perceptron " + command);
        }
    }

    @Test
    void the_packaged_jar_reads_a_model_and_fails_cleanly_on_a_bad_one() throws Exception {
        Path model = dir.resolve("tiny.json");
        new JsonModelStore().save(TinyModels.trained(), model);
        Run info = run("info", "--model", model.toString());
        assertThat(info.code).as(info.err).isZero();
        assertThat(info.out).contains("dense 12 relu");
        Run missing = run("info", "--model", dir.resolve("absent.json").toString());
        assertThat(missing.code).isEqualTo(1);
        assertThat(missing.err.strip()).isEqualTo("perceptron: " + dir.resolve("absent.json") + ": file not found");
    }

    private record Run(int code, String out, String err) {
    }

    private Run run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "--add-modules", "jdk.incubator.vector", "-jar",
                JAR.toString()));
        command.addAll(List.of(args));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String errors = Files.readString(err, StandardCharsets.UTF_8).replaceAll("WARNING: Using incubator modules.*\\R", "");
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), errors);
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}

package io.github.perceptron.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The packaged jar run in a child JVM, as users run it, for the *IT tests. */
final class ChildJvm {

    /** The shaded jar the package phase built. */
    static final Path JAR = Path.of("target", "perceptron.jar");

    /** What a finished child printed; stderr without the JVM's incubator-module warning. */
    record Result(int code, String out, String err) {
    }

    private ChildJvm() {
    }

    /**
     * {@code prefix} (a wrapper such as {@code setpriv}, or nothing), then a JVM with the
     * incubator module and {@code jvmOptions}, running {@code jar} with {@code args}.
     */
    static List<String> command(List<String> prefix, List<String> jvmOptions, Path jar, String... args) {
        List<String> command = new ArrayList<>(prefix);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("--add-modules", "jdk.incubator.vector", "-jar", jar.toString()));
        command.addAll(List.of(args));
        return command;
    }

    /** Runs {@code command} to its end (at most 120 s), its output in files under {@code dir}. */
    static Result run(List<String> command, Path dir) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "child-out", ".txt");
        Path err = Files.createTempFile(dir, "child-err", ".txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("finished within 120 s: %s", command).isTrue();
        return new Result(process.exitValue(), read(out), withoutIncubatorWarning(read(err)));
    }

    static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    static String withoutIncubatorWarning(String stderr) {
        return stderr.replaceAll("WARNING: Using incubator modules.*\\R", "");
    }
}

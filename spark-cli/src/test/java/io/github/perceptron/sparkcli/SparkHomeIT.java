package io.github.perceptron.sparkcli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./perceptron-spark} checks {@code SPARK_HOME} before it starts Java: a directory that is
 * not a Spark installation gave every command, even {@code --version}, a 32-line
 * NoClassDefFoundError, and a missing one was ignored in silence. {@code --version} says which
 * Spark runs.
 */
class SparkHomeIT {

    private static final Path LAUNCHER = Path.of("..", "perceptron-spark").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {
    }

    private static Result version(String sparkHome) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(LAUNCHER.toString(), "--version")
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        if (sparkHome == null) {
            builder.environment().remove("SPARK_HOME");
        } else {
            builder.environment().put("SPARK_HOME", sparkHome);
        }
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    @Test
    void a_spark_home_that_is_not_spark_is_one_line_and_exit_2() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Path noJars = Files.createDirectories(dir.resolve("no-jars"));
        Path emptyJars = Files.createDirectories(dir.resolve("empty/jars")).getParent();
        Path otherJars = Files.createDirectories(dir.resolve("other/jars")).getParent();
        Files.writeString(otherJars.resolve("jars/commons-lang3-3.18.0.jar"), "not spark");
        List<List<String>> cases = List.of(List.of(dir.resolve("missing").toString(), "not a directory"),
                List.of(file.toString(), "not a directory"), List.of(noJars.toString(), "it has no jars/ directory"),
                List.of(emptyJars.toString(), "its jars/ holds no spark-core_*.jar"),
                List.of(otherJars.toString(), "its jars/ holds no spark-core_*.jar"));
        for (List<String> given : cases) {
            Result result = version(given.get(0));
            assertThat(result.code()).as(given.get(0)).isEqualTo(2);
            assertThat(result.err()).as(given.get(0)).isEqualTo("perceptron-spark: SPARK_HOME=" + given.get(0)
                    + " is not a Spark installation (" + given.get(1) + "); unset it to run on the build's own Spark\n");
            assertThat(result.out()).isEmpty();
        }
    }

    @Test
    void the_version_says_which_spark_runs() throws Exception {
        Result own = version(null);
        assertThat(own.code()).as(own.err()).isZero();
        assertThat(own.out()).containsPattern("Spark 4\\.\\d+\\.\\d+ \\(the build's own\\)");

        Path home = Files.createDirectories(dir.resolve("spark/jars")).getParent();
        for (String entry : SparkClassPath.entries()) {
            Path jar = Path.of(entry);
            Files.createSymbolicLink(home.resolve("jars").resolve(jar.getFileName()), jar);
        }
        Result installed = version(home.toString());
        assertThat(installed.code()).as(installed.err()).isZero();
        assertThat(installed.out()).containsPattern("Spark 4\\.\\d+\\.\\d+ from " + java.util.regex.Pattern.quote(home.toString()));
    }
}

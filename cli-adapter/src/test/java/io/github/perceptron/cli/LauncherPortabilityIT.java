package io.github.perceptron.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./perceptron} as macOS and other non-GNU systems run it: on a PATH holding only the
 * POSIX tools it may call, each refusing the GNU-only options and meanings that macOS lacks (long
 * options, {@code date -r FILE}, {@code sed -i}, {@code find -printf}, ...); with the JDK that
 * {@code JAVA_HOME} names; and on JDK 25 without a warning line.
 */
class LauncherPortabilityIT {

    /** What the launcher may call, besides bash's builtins: POSIX tools, and java, git and mvn. */
    private static final List<String> POSIX_TOOLS = List.of("awk", "basename", "cat", "cksum", "cp", "dirname",
            "find", "head", "locale", "mkdir", "mv", "rm");
    private static final List<String> PASSED_THROUGH = List.of("bash", "java", "git", "mvn");
    private static final Path JDK_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");

    @TempDir
    Path dir;

    @Test
    void runs_on_posix_tools_alone_refusing_every_gnu_only_option() throws Exception {
        Path bin = strippedPath();
        Path refused = dir.resolve("refused.log");
        Files.writeString(refused, "");
        // Each run from no archive, a dump, then a checked archive: every branch of the launcher.
        try (Stream<Path> runs = Files.list(LauncherSignalsIT.LAUNCHER.resolveSibling("cli-adapter/target/run"))) {
            for (Path file : runs.filter(f -> f.getFileName().toString().contains(".jsa")).toList()) {
                Files.deleteIfExists(file);
            }
        }
        for (int run = 0; run < 3; run++) {
            ChildJvm.Result result = launch(Map.of("PATH", bin.toString(), "REFUSED_LOG", refused.toString()),
                    "--version");
            assertThat(result.code()).as(result.err()).isZero();
            assertThat(result.out()).startsWith("perceptron ");
            assertThat(result.err()).isEmpty();
        }
        assertThat(Files.readString(refused)).as("GNU-only calls").isEmpty();
    }

    @Test
    void the_stripped_path_refuses_what_macos_lacks() throws Exception {
        // The check itself must be able to fail: a GNU-only call through the same wrappers.
        Path bin = strippedPath();
        Path refused = dir.resolve("refused.log");
        Files.writeString(refused, "");
        for (String gnuOnly : List.of("date -r /etc/hostname +%s", "sed -i s/a/b/ x", "find . -printf %p",
                "head -n -1 /etc/hostname", "cp --reflink=auto a b", "stat -c %Y /etc/hostname")) {
            ProcessBuilder builder = new ProcessBuilder("/bin/bash", "-c", gnuOnly).directory(dir.toFile());
            builder.environment().put("PATH", bin.toString());
            builder.environment().put("REFUSED_LOG", refused.toString());
            Process process = builder.redirectErrorStream(true).redirectOutput(dir.resolve("o").toFile()).start();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(gnuOnly).isNotZero();
        }
        assertThat(Files.readAllLines(refused)).hasSize(6);
    }

    @Test
    void runs_the_jdk_java_home_names_and_refuses_one_without_java() throws Exception {
        Path home = dir.resolve("jdk");
        Files.createDirectories(home.resolve("bin"));
        Path marker = dir.resolve("ran");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        executable(home.resolve("bin/java"), "#!/bin/sh\n: > '" + marker + "'\nexec '" + java + "' \"$@\"\n");
        ChildJvm.Result result = launch(Map.of("JAVA_HOME", home.toString()), "--version");
        assertThat(result.code()).as(result.err()).isZero();
        assertThat(marker).exists();

        ChildJvm.Result missing = launch(Map.of("JAVA_HOME", dir.resolve("nothing").toString()), "--version");
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).isEqualTo("perceptron: JAVA_HOME is " + dir.resolve("nothing")
                + ", which has no bin/java; point it at a JDK 17 or later, or unset it\n");
    }

    @Test
    void jdk_25_trains_without_a_warning_line() throws Exception {
        assumeThat(JDK_25.resolve("bin/java")).as("Temurin 25 on this machine").isExecutable();
        Path data = IdxFixtures.dataset(dir, "digits", 300, 50);
        ChildJvm.Result result = launch(Map.of("JAVA_HOME", JDK_25.toString()), "train", "--data", data.toString(),
                "--layers", "784,8,10", "--epochs", "1", "-q", "-o", dir.resolve("m.json").toString());
        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.err()).isEmpty();
        ChildJvm.Result info = launch(Map.of("JAVA_HOME", JDK_25.toString()), "info", "--model",
                dir.resolve("m.json").toString());
        assertThat(info.err()).isEmpty();
        assertThat(info.out()).contains(" 25.").doesNotContain("WARNING");
    }

    private ChildJvm.Result launch(Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("/bin/bash", LauncherSignalsIT.LAUNCHER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().remove("JAVA_HOME");
        builder.environment().putAll(environment);
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("finished: %s", command).isTrue();
        return new ChildJvm.Result(process.exitValue(), ChildJvm.read(out), ChildJvm.read(err));
    }

    /**
     * A directory of wrappers, one per tool the launcher may call: each logs and refuses an option
     * macOS's tool lacks or reads otherwise, then runs the real tool.
     */
    private Path strippedPath() throws IOException, InterruptedException {
        Path bin = dir.resolve("bin");
        Files.createDirectories(bin);
        List<String> all = new ArrayList<>(POSIX_TOOLS);
        all.addAll(PASSED_THROUGH);
        all.addAll(List.of("date", "sed", "stat"));
        for (String tool : all) {
            String real = which(tool);
            if (real == null) {
                continue;
            }
            String checks = PASSED_THROUGH.contains(tool) ? "" : """
                    refuse() { printf '%s\\n' "$TOOL $*" >> "$REFUSED_LOG"; echo "stripped PATH: $TOOL: $1" >&2; exit 64; }
                    previous=
                    for argument in "$@"; do
                      case "$argument" in
                        --) ;;
                        --*) refuse "GNU long option $argument" ;;
                      esac
                      case "$TOOL:$previous:$argument" in
                        date:-r:*[!0-9]*) refuse "date -r takes seconds on macOS, not a file" ;;
                        sed:*:-i | sed:*:-r) refuse "sed $argument is GNU's" ;;
                        find:*:-printf | find:*:-readable | find:*:-writable | find:*:-executable | find:*:-regextype) refuse "find $argument is GNU's" ;;
                        head:-n:-* | head:-c:-*) refuse "head with a negative count is GNU's" ;;
                        cp:*:-T | cp:*:-t | mv:*:-T | mv:*:-t) refuse "$TOOL $argument is GNU's" ;;
                        stat:*:-c) refuse "stat -c is GNU's (macOS: stat -f)" ;;
                      esac
                      previous="$argument"
                    done
                    """;
            executable(bin.resolve(tool), "#!" + which("bash") + "\nTOOL=" + tool + "\n" + checks
                    + "exec '" + real + "' \"$@\"\n");
        }
        return bin;
    }

    private static String which(String tool) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("/bin/bash", "-c", "command -v " + tool).start();
        String path = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        return process.waitFor() == 0 && path.startsWith("/") ? path : null;
    }

    private static void executable(Path file, String content) throws IOException {
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}

package io.github.perceptron.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Standard streams as shells leave them, through {@code ./perceptron}. */
class LauncherStreamsIT {

    @TempDir
    Path dir;

    @Test
    void a_closed_stdout_is_refused_in_one_line_before_anything_runs() throws Exception {
        ChildJvm.Result result = shell(LauncherSignalsIT.LAUNCHER + " --version >&-");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("perceptron: standard output is closed; send it to a file or to /dev/null instead\n");
    }

    @Test
    void a_full_stdout_is_exit_1_not_success() throws Exception {
        Process process = new ProcessBuilder(LauncherSignalsIT.LAUNCHER.toString(), "--version")
                .redirectOutput(new File("/dev/full")).redirectError(dir.resolve("err").toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(1);
        assertThat(ChildJvm.read(dir.resolve("err"))).startsWith("perceptron: cannot write to standard output");
    }

    @Test
    void closed_stdin_and_stderr_are_no_trouble() throws Exception {
        assertThat(shell(LauncherSignalsIT.LAUNCHER + " --version <&- 2>&-").code()).isZero();
    }

    private ChildJvm.Result shell(String command) throws Exception {
        return ChildJvm.run(java.util.List.of("bash", "-c", command), dir);
    }

    @Test
    void file_names_beyond_ascii_are_read_under_lang_c() throws Exception {
        Path data = dir.resolve("bilder");
        for (String image : java.util.List.of("train/eins/ü-1.png", "train/zwei/ß-2.png", "test/eins/ö-3.png")) {
            Path file = data.resolve(image);
            java.nio.file.Files.createDirectories(file.getParent());
            javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_BYTE_GRAY),
                    "png", file.toFile());
        }
        ProcessBuilder builder = new ProcessBuilder(LauncherSignalsIT.LAUNCHER.toString(), "train", "--data", data.toString(),
                "--format", "images", "--layers", "784,4,2", "--epochs", "1", "--batch", "1", "-q",
                "-o", dir.resolve("m.json").toString());
        builder.environment().remove("LC_ALL");
        builder.environment().remove("LC_CTYPE");
        builder.environment().put("LANG", "C");
        Process process = builder.redirectError(dir.resolve("err").toFile()).redirectOutput(dir.resolve("out").toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(ChildJvm.read(dir.resolve("err"))).isZero();
    }

    @Test
    void a_class_data_archive_cut_short_is_discarded_and_a_whole_one_taken_up() throws Exception {
        // The JVM replaces the launcher (exec), so the next run renames a finished archive into
        // place; a dump cut short (the JVM killed while writing it) would make every run crash
        // with SIGBUS, so the launcher checks it first and deletes it.
        Path runs = LauncherSignalsIT.LAUNCHER.resolveSibling("cli-adapter/target/run");
        deleteArchives(runs);
        assertThat(shell(LauncherSignalsIT.LAUNCHER + " --version").code()).isZero();
        Path dump = archives(runs, ".tmp").get(0);
        byte[] whole = java.nio.file.Files.readAllBytes(dump);
        java.nio.file.Files.write(dump, java.util.Arrays.copyOf(whole, whole.length / 4));

        ChildJvm.Result afterCut = shell(LauncherSignalsIT.LAUNCHER + " --version");
        assertThat(afterCut.code()).isZero();
        assertThat(afterCut.err()).isEmpty();
        assertThat(dump).doesNotExist();
        for (int run = 0; run < 2; run++) {
            ChildJvm.Result next = shell(LauncherSignalsIT.LAUNCHER + " --version");
            assertThat(next.code()).isZero();
            assertThat(next.err()).isEmpty();
        }
        assertThat(archives(runs, ".jsa")).hasSize(1);
        assertThat(archives(runs, ".tmp")).isEmpty();
    }

    private static java.util.List<Path> archives(Path runs, String suffix) throws java.io.IOException {
        try (var files = java.nio.file.Files.list(runs)) {
            return files.filter(f -> f.getFileName().toString().contains(".jsa") && f.getFileName().toString().endsWith(suffix))
                    .toList();
        }
    }

    private static void deleteArchives(Path runs) throws java.io.IOException {
        for (Path archive : archives(runs, "")) {
            java.nio.file.Files.delete(archive);
        }
    }
}

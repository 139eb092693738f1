package io.github.perceptron.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.github.perceptron.core.model.Model;
import io.github.perceptron.core.testing.SyntheticImages;
import io.github.perceptron.core.testing.TinyModels;
import io.github.perceptron.persistence.JsonModelStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real file-system faults, in a child JVM running the packaged jar: a read-only output directory
 * (as an unprivileged user, since root ignores permission bits) and a disk that fills up during the
 * save (the file-size limit, {@code ulimit -f}, makes writes fail as a full disk does).
 */
class FileSystemFaultsIT {

    @TempDir
    Path dir;
    private Path jar;
    private Path data;

    @BeforeEach
    void shareableFixtures() throws IOException {
        // An unprivileged user must reach the jar and the data: the temporary directory is 0700.
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        jar = Files.copy(ChildJvm.JAR, dir.resolve("perceptron.jar"));
        data = Files.createDirectories(dir.resolve("digits"));
        IdxFixtures.write(data, "train", SyntheticImages.blobs(200, 28, 28, 10, 1));
        IdxFixtures.write(data, "t10k", SyntheticImages.blobs(50, 28, 28, 10, 2));
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.toList()) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(
                        Files.isDirectory(file) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
    }

    @Test
    void a_read_only_output_directory_fails_in_one_line_before_any_training() throws Exception {
        Path readOnly = Files.createDirectories(dir.resolve("read-only"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        Path target = readOnly.resolve("model.json");

        ChildJvm.Result run = run(unprivileged(), "train", "--data", data.toString(), "--layers", "784,8,10", "--epochs", "1",
                "--augment", "none", "--json", "-o", target.toString());

        assertThat(run.code()).as(run.err()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("perceptron: " + target + ": cannot write there (permission denied); "
                + "nothing was trained: choose a writable location with --out");
        assertThat(run.out()).doesNotContain("\"event\":\"epoch\"");
        try (Stream<Path> left = Files.list(readOnly)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void a_disk_filling_up_during_the_save_keeps_the_old_model_and_leaves_no_partial_file() throws Exception {
        Path out = Files.createDirectories(dir.resolve("models"));
        Path target = out.resolve("model.json");
        Model previous = TinyModels.trained();
        new JsonModelStore().save(previous, target);
        byte[] before = Files.readAllBytes(target);

        // 64 KiB per file: the probe and the old model fit, the new [784,32,10] model (~300 KB) does not.
        ChildJvm.Result run = run(List.of("bash", "-c", "ulimit -f 64 && exec \"$0\" \"$@\""), "train", "--data", data.toString(),
                "--layers", "784,32,10", "--epochs", "1", "--augment", "none", "--quiet", "-o", target.toString());

        assertThat(run.code()).as(run.err()).isEqualTo(1);
        assertThat(run.err().lines().filter(line -> !line.isBlank())).hasSize(1);
        assertThat(run.err()).startsWith("perceptron: " + target + ": cannot save: ").contains("File too large")
                .endsWith("failed too (File too large): the trained model is lost\n").doesNotContain("\tat ");
        try (Stream<Path> rescue = Files.list(dir)) {
            assertThat(rescue).noneMatch(path -> path.getFileName().toString().startsWith("perceptron-rescued-"));
        }
        assertThat(Files.readAllBytes(target)).isEqualTo(before);
        try (Stream<Path> left = Files.list(out)) {
            assertThat(left).containsExactly(target);
        }
    }

    /** The command prefix that runs a child as an unprivileged user: nothing when we are not root. */
    private static List<String> unprivileged() {
        if (!"root".equals(System.getProperty("user.name"))) {
            return List.of();
        }
        assumeThat(Files.isExecutable(Path.of("/usr/bin/setpriv")))
                .as("running as root, the read-only test needs setpriv (util-linux) to drop privileges").isTrue();
        return List.of("/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups");
    }

    private ChildJvm.Result run(List<String> prefix, String... args) throws IOException, InterruptedException {
        return ChildJvm.run(ChildJvm.command(prefix, List.of("-Djava.io.tmpdir=" + dir, "-XX:-UsePerfData"), jar, args),
                dir);
    }
}

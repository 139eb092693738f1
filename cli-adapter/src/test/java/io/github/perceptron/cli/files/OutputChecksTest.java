package io.github.perceptron.cli.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.perceptron.cli.common.CommandFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The permission-denied case needs an unprivileged user: see {@link FileSystemFaultsIT}. */
class OutputChecksTest {

    @TempDir
    Path dir;

    @Test
    void a_writable_location_passes_creating_its_directory_and_leaving_no_probe() throws IOException {
        Path target = dir.resolve("new/deeper/model.json");
        OutputChecks.checkWritable(target, "--out");
        try (Stream<Path> left = Files.list(target.getParent())) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void a_path_through_a_regular_file_fails_naming_the_file_and_the_option() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.txt"), "not a directory");
        Path target = file.resolve("model.json");
        assertThatThrownBy(() -> OutputChecks.checkWritable(target, "--out"))
                .isInstanceOf(CommandFailure.class)
                .hasMessage(target + ": cannot write there (a path component is not a directory); nothing was trained: "
                        + "choose a writable location with --out");
    }
}

package io.github.perceptron.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void a_save_removes_temporaries_that_killed_saves_of_the_same_file_left_long_ago() throws IOException {
        Path target = dir.resolve("model.json");
        Path stale = temporary(".model.json.8437561234.tmp", Instant.now().minus(AtomicFiles.STALE).minusSeconds(60));
        Path recent = temporary(".model.json.99887766.tmp", Instant.now().minusSeconds(5));
        Path otherFiles = temporary(".other.json.1234.tmp", Instant.now().minusSeconds(7200));

        AtomicFiles.replace(target, out -> out.write("{}".getBytes(StandardCharsets.UTF_8)));

        assertThat(target).hasContent("{}");
        assertThat(stale).doesNotExist();
        assertThat(recent).exists();
        assertThat(otherFiles).exists();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).hasSize(3);
        }
    }

    private Path temporary(String name, Instant modified) throws IOException {
        Path file = Files.writeString(dir.resolve(name), "{\"partial");
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }
}

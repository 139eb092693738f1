package io.github.perceptron.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The last line of defence under every save: only regular files are replaced, links are followed. */
class AtomicFilesKindsTest {

    @TempDir
    Path dir;

    private static void write(Path target, String text) throws IOException {
        AtomicFiles.replace(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void a_fifo_is_refused_and_left_as_it_is() throws Exception {
        Path fifo = dir.resolve("pipe");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        assertThatThrownBy(() -> write(fifo, "model")).isInstanceOf(IOException.class).hasMessageContaining("not a regular file");
        assertThat(Files.exists(fifo, LinkOption.NOFOLLOW_LINKS)).isTrue();
        assertThat(Files.isRegularFile(fifo)).isFalse();
    }

    @Test
    void a_directory_is_refused_and_left_as_it_is() throws IOException {
        Path directory = Files.createDirectories(dir.resolve("out.json"));
        assertThatThrownBy(() -> write(directory, "model")).hasMessageContaining("not a regular file");
        assertThat(directory).isDirectory();
    }

    @Test
    void a_symbolic_link_is_followed_and_stays_a_link() throws IOException {
        Path real = Files.writeString(dir.resolve("real.json"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), real);
        write(link, "new");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(real).hasContent("new");
    }

    @Test
    void a_link_to_nothing_is_refused() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("dangling.json"), dir.resolve("gone.json"));
        assertThatThrownBy(() -> write(link, "model")).hasMessageContaining("symbolic link to nothing");
        assertThat(dir.resolve("gone.json")).doesNotExist();
    }
}

package io.github.perceptron.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.perceptron.core.model.ModelStoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One writer per output directory: two searches on one {@code --out} spliced their journal
 * mid-line, both exited 0, and the next resume lost every trial.
 */
class DirectoryLockTest {

    private static final Clock NOON = Clock.fixed(Instant.parse("2026-12-02T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final List<String> notices = new ArrayList<>();

    @Test
    void a_second_holder_is_refused_naming_the_first_until_it_lets_go() {
        try (DirectoryLock held = DirectoryLock.acquire(dir, notices::add, NOON)) {
            assertThat(held.file()).hasContent("process " + ProcessHandle.current().pid() + " on "
                    + hostName() + ", since 2026-12-02T12:00:00Z");
            assertThatThrownBy(() -> DirectoryLock.acquire(dir, notices::add, NOON)).isInstanceOf(ModelStoreException.class)
                    .hasMessage(dir + " is in use by another run (process " + ProcessHandle.current().pid() + " on "
                            + hostName() + ", since 2026-12-02T12:00:00Z); wait for it to end, or give another --out");
        }
        try (DirectoryLock again = DirectoryLock.acquire(dir, notices::add, NOON)) {
            assertThat(again.file()).exists();
        }
        assertThat(notices).as("a released lock is nobody's to take over").isEmpty();
    }

    @Test
    void a_holder_that_has_not_written_who_it_is_is_refused_as_such() throws IOException {
        try (DirectoryLock held = DirectoryLock.acquire(dir, notices::add, NOON)) {
            Files.write(held.file(), new byte[0]);  // as a holder between taking the lock and writing its name
            assertThatThrownBy(() -> DirectoryLock.acquire(dir, notices::add, NOON)).isInstanceOf(ModelStoreException.class)
                    .hasMessage(dir + " is in use by another run (a process that has not said who it is); wait for it "
                            + "to end, or give another --out");
        }
        assertThat(notices).isEmpty();
    }

    @Test
    void another_process_holding_the_lock_is_named_and_its_death_frees_it() throws Exception {
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), HoldLock.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        try {
            String ready = new String(holder.getInputStream().readNBytes(5), StandardCharsets.UTF_8);
            assertThat(ready).isEqualTo("held\n".substring(0, 5));
            assertThatThrownBy(() -> DirectoryLock.acquire(dir, notices::add, NOON)).isInstanceOf(ModelStoreException.class)
                    .hasMessageContaining("is in use by another run (process " + holder.pid() + " on ");
        } finally {
            holder.destroyForcibly();
            assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        try (DirectoryLock taken = DirectoryLock.acquire(dir, notices::add, NOON)) {
            assertThat(notices).singleElement().asString().startsWith("took over " + dir.resolve(DirectoryLock.NAME)
                    + " from a run that ended without releasing it (process " + holder.pid() + " on ");
        }
    }

    /**
     * Ctrl-C or SIGTERM ends a run through the JVM's shutdown, which is an exit: the lock said so,
     * and the resume that follows every stop reported a takeover from a run that had not failed.
     */
    @Test
    void a_holder_stopped_by_a_signal_releases_the_lock_so_that_the_next_run_takes_over_nothing() throws Exception {
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), HoldLock.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        assertThat(new String(holder.getInputStream().readNBytes(5), StandardCharsets.UTF_8)).isEqualTo("held\n");
        holder.destroy();  // SIGTERM: the JVM shuts down and runs its hooks
        assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(holder.exitValue()).isEqualTo(143);

        try (DirectoryLock taken = DirectoryLock.acquire(dir, notices::add, NOON)) {
            assertThat(notices).as("a run stopped by a signal released its lock").isEmpty();
        }
    }

    @Test
    void an_unreadable_place_is_one_line_naming_the_lock_file() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("file"), "x");
        assertThatThrownBy(() -> DirectoryLock.acquire(notADirectory, notices::add, NOON))
                .isInstanceOf(ModelStoreException.class)
                .hasMessageStartingWith(notADirectory.resolve(DirectoryLock.NAME) + ": cannot lock the output directory");
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "an unnamed host";
        }
    }

    /** A process that takes the lock, says so, and holds it until killed. */
    public static final class HoldLock {
        public static void main(String[] args) throws InterruptedException {
            DirectoryLock.acquire(Path.of(args[0]), notice -> { }, Clock.systemUTC());
            System.out.print("held\n");
            System.out.flush();
            Thread.sleep(TimeUnit.MINUTES.toMillis(5));
        }
    }
}

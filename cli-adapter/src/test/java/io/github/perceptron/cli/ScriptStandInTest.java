package io.github.perceptron.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stand-in's time limit leaves nothing running: a script's children die with it. */
class ScriptStandInTest {

    @Test
    void a_command_past_its_limit_is_killed_with_every_process_it_started(@TempDir Path root) throws Exception {
        ScriptStandIn standIn = new ScriptStandIn(root);
        Path pid = root.resolve("child.pid");
        // The child writes its pid, then outlives its parent's limit by far, as a hung python would.
        List<String> command = List.of("bash", "-c", "sleep 600 & echo $! > '" + pid + "'; wait");

        assertThatThrownBy(() -> standIn.exec(command, Map.of(), Duration.ofSeconds(5)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("still running after 5 s");

        Optional<ProcessHandle> child = ProcessHandle.of(Long.parseLong(Files.readString(pid).strip()));
        if (child.isPresent()) {
            // Killing is asked for, not awaited, so wait for the exit rather than race it.
            child.get().onExit().get(10, TimeUnit.SECONDS);
        }
        assertThat(child.map(ProcessHandle::isAlive)).as("the child after the limit").isNotEqualTo(Optional.of(true));
    }
}

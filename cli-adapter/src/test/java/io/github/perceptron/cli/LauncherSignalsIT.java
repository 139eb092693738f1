package io.github.perceptron.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.perceptron.cli.console.ShellWords;
import io.github.perceptron.core.testing.TinyModels;
import io.github.perceptron.persistence.JsonCheckpointStore;
import io.github.perceptron.persistence.JsonModelStore;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signals as users send them, to {@code ./perceptron} itself (the launcher script), not to a JVM
 * started by the test: {@code kill} and {@code timeout} send SIGTERM to the launcher's process,
 * and a terminal sends Ctrl-C to its whole foreground process group, through a real pty.
 */
class LauncherSignalsIT {

    static final Path LAUNCHER = Path.of("..", "perceptron").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    Path data;
    Path model;
    Path checkpoint;

    @BeforeEach
    void data() throws IOException {
        // A space in every path: the printed resume command must survive being pasted into a shell.
        Path root = Files.createDirectories(dir.resolve("my runs"));
        data = IdxFixtures.dataset(root, "digits", 2000, 100);
        model = root.resolve("model.json");
        checkpoint = root.resolve("model.checkpoint.json");
    }

    @Test
    void sigterm_to_the_launcher_stops_the_jvm_with_a_checkpoint_and_the_resume_command() throws Exception {
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process training = new ProcessBuilder(train()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        awaitText(out, "\"event\":\"epoch\"", training);

        signal("TERM", training.pid());

        assertThat(training.waitFor(60, TimeUnit.SECONDS)).as("stopped within 60 s of SIGTERM").isTrue();
        assertThat(training.descendants().filter(ProcessHandle::isAlive)).as("nothing left running").isEmpty();
        String errors = ChildJvm.read(err);
        assertThat(training.exitValue()).as(errors).isEqualTo(143);
        assertThat(errors).contains("resume with: perceptron train --resume '" + checkpoint + "' --data '" + data
                + "' -o '" + model + "'\n").doesNotContain("\tat ").doesNotContain("WARNING");
        assertThat(new JsonCheckpointStore().load(checkpoint).epoch()).isBetween(1, 499);
        assertThat(model).as("an interrupted run saves no model").doesNotExist();

        // The printed command, run by a shell exactly as printed, goes on from the checkpoint.
        String printed = errors.substring(errors.indexOf("resume with: perceptron ") + "resume with: perceptron ".length(),
                errors.indexOf('\n', errors.indexOf("resume with: ")));
        Process resumed = new ProcessBuilder("bash", "-c", "exec " + ShellWords.quote(LAUNCHER) + " " + printed + " --json")
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        awaitText(out, "\"event\":\"epoch\"", resumed);
        resumed.destroy();
        assertThat(resumed.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void a_second_sigterm_quits_at_once_without_saving() throws Exception {
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        // Epochs of a few seconds: the second signal comes long before the first epoch after the first one ends.
        Process training = new ProcessBuilder(train("--layers", "784,2048,2048,10", "--epochs", "5"))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        awaitText(out, "\"event\":\"epoch\"", training);

        signal("TERM", training.pid());
        awaitText(err, "stopping after this epoch", training);
        signal("TERM", training.pid());

        assertThat(training.waitFor(20, TimeUnit.SECONDS)).as("quit at once").isTrue();
        assertThat(training.exitValue()).isEqualTo(143);
        assertThat(ChildJvm.read(err)).contains("again; quitting without saving");
        assertThat(checkpoint).doesNotExist();
    }

    @Test
    void ctrl_c_in_a_terminal_prints_the_resume_command() throws Exception {
        Process terminal = ctrlCInATerminal(train(), "\"event\":\"epoch\"");
        String shown = ChildJvm.read(dir.resolve("screen.txt"));
        assertThat(terminal.exitValue()).as(shown).isEqualTo(130);
        assertThat(shown).contains("resume with: perceptron train --resume '" + checkpoint + "'");
        assertThat(new JsonCheckpointStore().load(checkpoint).epoch()).isBetween(1, 499);
    }

    @Test
    void ctrl_c_in_a_terminal_stops_a_data_parallel_run_after_its_epoch_and_keeps_the_model_so_far() throws Exception {
        Process terminal = ctrlCInATerminal(train("--shards", "2", "--local-steps", "3"), "\"event\":\"epoch\"");
        String shown = ChildJvm.read(dir.resolve("screen.txt"));
        assertThat(terminal.exitValue()).as(shown).isEqualTo(130);
        assertThat(shown).contains("; the model so far is saved to " + model + " (a data-parallel run cannot be resumed yet)");
        assertThat(new JsonModelStore().load(model).metadata().epochs()).isBetween(1, 499);
    }

    @Test
    void ctrl_c_in_a_terminal_stops_serve_cleanly_with_exit_0() throws Exception {
        new JsonModelStore().save(TinyModels.trained(), model);
        Process terminal = ctrlCInATerminal(List.of(LAUNCHER.toString(), "serve", "--model", model.toString(), "--port", "0"),
                "listening on http://127.0.0.1:");
        String shown = ChildJvm.read(dir.resolve("screen.txt"));
        assertThat(terminal.exitValue()).as(shown).isZero();
        assertThat(shown).contains("perceptron serve: stopped");
    }

    /**
     * Runs {@code words} on a new pty (script(1)), and once {@code text} is on its screen (saved in
     * screen.txt) types ^C, which the line discipline turns into SIGINT for the foreground process
     * group, as a terminal does. perl restores SIGINT's default first: a test run from a background
     * job inherits it ignored, and a process rightly leaves an ignored signal alone.
     */
    private Process ctrlCInATerminal(List<String> words, String text) throws IOException, InterruptedException {
        Path screen = dir.resolve("screen.txt");
        StringBuilder command = new StringBuilder("exec perl -e " + ShellWords.quote("$SIG{INT} = 'DEFAULT'; exec @ARGV or die $!"));
        for (String word : words) {
            command.append(' ').append(ShellWords.quote(word));
        }
        Process terminal = new ProcessBuilder("script", "-qefc", command.toString(), "/dev/null")
                .redirectOutput(screen.toFile()).redirectErrorStream(true).start();
        try (OutputStream keyboard = terminal.getOutputStream()) {
            awaitText(screen, text, terminal);
            keyboard.write(3);
            keyboard.flush();
            assertThat(terminal.waitFor(60, TimeUnit.SECONDS)).as("stopped within 60 s of Ctrl-C").isTrue();
        }
        return terminal;
    }

    private List<String> train(String... extra) {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString(), "train", "--data", data.toString(),
                "--layers", "784,64,10", "--epochs", "500", "--augment", "none", "--json", "-o", model.toString()));
        // Later options would be refused as repeats: the extra ones replace the defaults above, or are added.
        for (int i = 0; i < extra.length; i += 2) {
            int at = command.indexOf(extra[i]);
            if (at < 0) {
                command.addAll(List.of(extra[i], extra[i + 1]));
            } else {
                command.set(at + 1, extra[i + 1]);
            }
        }
        return command;
    }

    /** perl rather than kill(1): perl-base is in every Debian, procps is not. */
    private static void signal(String name, long pid) throws IOException, InterruptedException {
        assertThat(new ProcessBuilder("perl", "-e", "kill '" + name + "', " + pid + " or die $!").start().waitFor())
                .isZero();
    }

    private static void awaitText(Path file, String text, Process process) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.readString(file, StandardCharsets.UTF_8).contains(text)) {
            assertThat(process.isAlive()).as("still running: %s", ChildJvm.read(file)).isTrue();
            assertThat(System.nanoTime()).as("'%s' within 120 s", text).isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}

package io.github.perceptron.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.perceptron.cli.console.Console;
import io.github.perceptron.cli.train.ConsoleTrainingReporter;
import io.github.perceptron.cli.train.Interrupts;
import io.github.perceptron.cli.train.JsonTrainingReporter;
import io.github.perceptron.cli.train.StopOnInterrupt;
import io.github.perceptron.core.model.ModelStoreException;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** A regular checkpoint that cannot be saved is told to the user in one line, and training goes on. */
class CheckpointWarningTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Console console = new Console(new PrintWriter(out), new PrintWriter(err), false);
    private final ModelStoreException diskFull = new ModelStoreException("run.checkpoint.json: cannot save: No space left on device");

    @Test
    void the_console_warns_on_stderr_even_when_quiet() {
        new StopOnInterrupt(new ConsoleTrainingReporter(console, true, "test"), Interrupts.unhandled(console.err(),
                () -> Interrupts.SAVES_A_CHECKPOINT), new java.util.concurrent.atomic.AtomicInteger())
                .checkpointFailed(3, diskFull);
        assertThat(err.toString()).isEqualTo("perceptron: warning: the checkpoint after epoch 3 was not saved "
                + "(run.checkpoint.json: cannot save: No space left on device); training goes on\n");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void json_output_carries_a_checkpoint_failed_event() {
        new JsonTrainingReporter(console.out(), "test").checkpointFailed(3, diskFull);
        assertThat(out.toString()).isEqualTo("{\"event\":\"checkpoint_failed\",\"epoch\":3,"
                + "\"error\":\"run.checkpoint.json: cannot save: No space left on device\"}\n");
    }
}

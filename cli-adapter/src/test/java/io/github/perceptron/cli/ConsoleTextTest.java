package io.github.perceptron.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.perceptron.cli.console.Console;
import io.github.perceptron.cli.train.ConsoleTrainingReporter;
import io.github.perceptron.core.train.TrainingPlan;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What people read: digits whatever the locale, and progress lines that suit the terminal. */
class ConsoleTextTest {

    @TempDir
    Path dir;

    @Test
    void the_confusion_matrix_uses_ascii_digits_under_an_arabic_locale() throws IOException {
        Path data = IdxFixtures.dataset(dir, "digits", 200, 50);
        Map<String, String> environment = Map.of("PERCEPTRON_DATA", dir.resolve("cache").toString());
        Path model = dir.resolve("m.json");
        assertThat(CommandLineRun.of(environment, "train", "--data", data.toString(), "--layers", "784,8,10", "--epochs", "1",
                "-q", "-o", model.toString()).exitCode()).isZero();
        Locale original = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("ar-EG"));
        try {
            assertThat(String.format("%d", 7)).as("the locale really has its own digits").isNotEqualTo("7");
            CommandLineRun run = CommandLineRun.of(environment, "evaluate", "--data", data.toString(), "--model",
                    model.toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("confusion").matches("(?s)[\\x00-\\x7f×]*");
        } finally {
            Locale.setDefault(original);
        }
    }

    @Test
    void a_dumb_terminal_or_a_pipe_gets_no_progress_bars() {
        assertThat(Main.isInteractiveTerminal(true, Map.of("TERM", "xterm-256color"))).isTrue();
        assertThat(Main.isInteractiveTerminal(true, Map.of("TERM", "dumb"))).isFalse();
        assertThat(Main.isInteractiveTerminal(false, Map.of("TERM", "xterm"))).isFalse();
    }

    @Test
    void progress_lines_never_reach_the_last_column_so_they_never_wrap() {
        StringWriter err = new StringWriter();
        Console console = new Console(new PrintWriter(new StringWriter()), new PrintWriter(err, true), true);
        ConsoleTrainingReporter reporter = new ConsoleTrainingReporter(console, false, "test",
                ConsoleTrainingReporter.columns(Map.of("COLUMNS", "40")));
        reporter.started(TrainingPlan.builder().layers(784, 10, 10).epochs(60).build(), "mnist");
        for (int batch = 1; batch <= 600; batch += 37) {
            reporter.batchCompleted(12, batch, 600, 0.1234);
        }
        assertThat(err.toString().split("\r")).isNotEmpty().allSatisfy(line -> assertThat(line.length()).isLessThan(40));
        assertThat(ConsoleTrainingReporter.columns(Map.of())).isEqualTo(80);
    }
}

package io.github.perceptron.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A refused value is named once: picocli's prefix goes when the converter's message already names the option. */
class UsageErrorHandlerTest {

    @Test
    void the_option_is_named_once() {
        assertThat(UsageErrorHandler.withoutRepeatedOption(
                "Invalid value for option '--dropout': --dropout must be a rate in [0, 1), was -0.1"))
                .isEqualTo("--dropout must be a rate in [0, 1), was -0.1");
    }

    @Test
    void a_message_that_does_not_name_the_option_keeps_picocli_s_words() {
        String message = "Invalid value for option '--optimizer': unknown optimizer 'x', expected one of sgd, adam";
        assertThat(UsageErrorHandler.withoutRepeatedOption(message)).isEqualTo(message);
        assertThat(UsageErrorHandler.withoutRepeatedOption("Unknown option: '--nope'")).isEqualTo("Unknown option: '--nope'");
    }

    /** Through the command line: the first line of the error is the converter's message, once. */
    @Test
    void a_bad_schedule_is_one_line_naming_the_value() {
        CommandLineRun run = CommandLineRun.of(Map.of(), "train", "--schedule", "linear", "--epochs", "1");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("perceptron: Invalid value for option '--schedule': bad schedule 'linear'")
                .doesNotContain("Invalid value for option '--schedule': Invalid value");
    }
}

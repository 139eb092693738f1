package io.github.perceptron.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** serve's refusals before it listens: beyond loopback it needs a token, a token must be one, and limits must be in range. */
class ServeOptionsTest {

    @TempDir
    Path dir;

    @Test
    void every_interface_without_a_token_is_refused_before_anything_listens() {
        CommandLineRun run = CommandLineRun.of(Map.of(), "serve", "--model", dir.resolve("m.json").toString(),
                "--host", "0.0.0.0", "--port", "0");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("perceptron serve: --host 0.0.0.0 is reachable from other machines: give a"
                + " token (--token-file FILE or PERCEPTRON_SERVE_TOKEN), or --insecure-no-auth to serve anyone\n");
    }

    @Test
    void a_token_that_is_short_spaced_or_unreadable_is_refused_in_one_line() throws Exception {
        CommandLineRun shortOne = CommandLineRun.of(Map.of("PERCEPTRON_SERVE_TOKEN", "letmein"), "serve", "--model",
                dir.resolve("m.json").toString(), "--host", "0.0.0.0", "--port", "0");
        assertThat(shortOne.exitCode()).isEqualTo(2);
        assertThat(shortOne.err()).contains("PERCEPTRON_SERVE_TOKEN: the token must be at least 16 printable characters");

        Path spaced = Files.writeString(dir.resolve("token"), "a token with spaces in it\n");
        CommandLineRun fromFile = CommandLineRun.of(Map.of(), "serve", "--model", dir.resolve("m.json").toString(),
                "--token-file", spaced.toString(), "--port", "0");
        assertThat(fromFile.exitCode()).isEqualTo(2);
        assertThat(fromFile.err()).contains("--token-file " + spaced + ": the token must be at least 16");

        CommandLineRun missing = CommandLineRun.of(Map.of(), "serve", "--model", dir.resolve("m.json").toString(),
                "--token-file", dir.resolve("nothing").toString(), "--port", "0");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).startsWith("perceptron: --token-file " + dir.resolve("nothing") + ": cannot read it")
                .doesNotContain("\tat ");
    }

    @Test
    void an_allowed_host_that_is_not_a_host_name_is_refused_in_one_line() {
        CommandLineRun run = CommandLineRun.of(Map.of(), "serve", "--model", dir.resolve("m.json").toString(),
                "--allow-host", "evil.example:8080", "--port", "0");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("perceptron serve: --allow-host evil.example:8080: not a host name (letters,"
                + " digits, dots and hyphens, without a port)\n");
    }

    @Test
    void a_grace_period_out_of_range_is_refused_in_one_line() {
        CommandLineRun run = CommandLineRun.of(Map.of(), "serve", "--model", dir.resolve("m.json").toString(),
                "--grace-period", "-1", "--port", "0");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("perceptron serve: --grace-period must be in 0..3600 seconds, was -1\n");
    }
}

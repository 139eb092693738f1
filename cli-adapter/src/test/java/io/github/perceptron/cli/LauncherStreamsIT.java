package io.github.perceptron.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Standard streams as shells leave them, through {@code ./perceptron}. */
class LauncherStreamsIT {

    @TempDir
    Path dir;

    @Test
    void a_closed_stdout_is_refused_in_one_line_before_anything_runs() throws Exception {
        ChildJvm.Result result = shell(LauncherSignalsIT.LAUNCHER + " --version >&-");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("perceptron: standard output is closed; send it to a file or to /dev/null instead\n");
    }

    @Test
    void a_full_stdout_is_exit_1_not_success() throws Exception {
        Process process = new ProcessBuilder(LauncherSignalsIT.LAUNCHER.toString(), "--version")
                .redirectOutput(new File("/dev/full")).redirectError(dir.resolve("err").toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(1);
        assertThat(ChildJvm.read(dir.resolve("err"))).startsWith("perceptron: cannot write to standard output");
    }

    @Test
    void closed_stdin_and_stderr_are_no_trouble() throws Exception {
        assertThat(shell(LauncherSignalsIT.LAUNCHER + " --version <&- 2>&-").code()).isZero();
    }

    private ChildJvm.Result shell(String command) throws Exception {
        return ChildJvm.run(java.util.List.of("bash", "-c", command), dir);
    }
}

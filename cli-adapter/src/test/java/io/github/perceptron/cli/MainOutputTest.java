package io.github.perceptron.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** A result that could not be printed is a failure: {@code info ... > /dev/full} exited 0. */
class MainOutputTest {

    private final StringWriter err = new StringWriter();

    @Test
    void a_write_error_on_stdout_turns_success_into_exit_1_with_one_line() {
        PrintStream full = new PrintStream(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }
        });
        PrintWriter out = new PrintWriter(full, true);
        out.println("test accuracy 99.17%");

        assertThat(Main.checkOutput(0, out, full, new PrintWriter(err, true))).isEqualTo(1);
        assertThat(err.toString()).startsWith("perceptron: cannot write to standard output").hasLineCount(1);
    }

    @Test
    void a_run_that_printed_fine_keeps_its_code() {
        PrintStream fine = new PrintStream(OutputStream.nullOutputStream());
        assertThat(Main.checkOutput(0, new PrintWriter(fine), fine, new PrintWriter(err))).isZero();
        assertThat(Main.checkOutput(2, new PrintWriter(fine), fine, new PrintWriter(err))).isEqualTo(2);
        assertThat(err.toString()).isEmpty();
    }
}

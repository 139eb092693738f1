package io.github.perceptron.cli.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class InterruptsTest {

    private final StringWriter err = new StringWriter();
    private final AtomicReference<String> stopping = new AtomicReference<>(Interrupts.SAVES_A_CHECKPOINT);
    private final Interrupts interrupts = Interrupts.unhandled(new PrintWriter(err, true), stopping::get);

    @Test
    void nothing_asked_is_no_stop_and_exit_0() {
        assertThat(interrupts.requested()).isFalse();
        assertThat(interrupts.exitCode()).isZero();
    }

    @Test
    void each_signal_stops_with_the_shells_exit_code_and_says_how_to_quit_now() {
        interrupts.receive(Interrupts.StopSignal.TERM);
        assertThat(interrupts.requested()).isTrue();
        assertThat(interrupts.exitCode()).isEqualTo(143);
        assertThat(err.toString()).contains("SIGTERM received: stopping after this epoch to save a checkpoint (signal again to quit now)");
        assertThat(Interrupts.StopSignal.INT.exitCode()).isEqualTo(130);
        assertThat(Interrupts.StopSignal.HUP.exitCode()).isEqualTo(129);
    }

    @Test
    void the_notice_says_what_the_stop_keeps_as_the_run_stands_when_the_signal_comes() {
        stopping.set("stopping: the finished members are kept");
        interrupts.receive(Interrupts.StopSignal.INT);
        assertThat(err.toString()).contains("perceptron: interrupted: stopping: the finished members are kept (Ctrl-C again "
                + "to quit now)").doesNotContain("checkpoint");
    }
}

package io.github.perceptron.cli.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Turns are handed over by events, never by timing: each wait below ends when its event happens. */
class CoreTurnsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);  // only a hang reaches it

    @Test
    void a_wave_no_larger_than_its_threads_takes_no_turns() {
        assertThat(CoreTurns.of(2, 2)).isSameAs(CoreTurns.NONE);
        assertThat(CoreTurns.of(1, 2).shared()).isFalse();
        assertThat(CoreTurns.of(3, 2).shared()).isTrue();
    }

    @Test
    void a_third_member_on_two_threads_waits_and_goes_next_when_one_passes() throws Exception {
        CoreTurns turns = CoreTurns.of(3, 2);
        turns.take();  // member 1
        turns.take();  // member 2
        CountDownLatch thirdComputes = new CountDownLatch(1);
        Thread third = new Thread(() -> {
            turns.take();
            thirdComputes.countDown();
        });
        third.start();
        awaitWaiting(turns, 1);
        assertThat(thirdComputes.getCount()).as("two members compute: the third waits").isEqualTo(1);

        Thread first = new Thread(turns::pass);  // member 1 ends an epoch
        first.start();
        assertThat(thirdComputes.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("the third goes next").isTrue();
        awaitWaiting(turns, 1);  // and member 1 now waits its turn

        turns.give();  // member 2 ends: member 1 goes on
        first.join(PATIENCE.toMillis());
        assertThat(first.isAlive()).isFalse();
        third.join(PATIENCE.toMillis());
    }

    private static void awaitWaiting(CoreTurns turns, int members) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (turns.waiting() != members && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertThat(turns.waiting()).isEqualTo(members);
    }
}

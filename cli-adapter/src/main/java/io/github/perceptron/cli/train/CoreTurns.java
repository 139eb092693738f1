package io.github.perceptron.cli.train;

import java.util.concurrent.Semaphore;

/**
 * Members of a wave larger than its threads take turns on them, an epoch at a time: at most
 * {@code threads} members compute at once, and a member that ends an epoch lets the one that has
 * waited longest go next. Three members on two cores thus keep both busy to the end, where waves of
 * two and then one leave the last member alone on both, which a member uses less well than two do
 * (a committee member's epoch, Zen 3: 6.3–7.3 s alone on two threads against 5.4 s a member when two
 * run side by side). Turns change when a member computes, never what: the bits are the same.
 */
final class CoreTurns {

    /** No turns: every member computes whenever it likes (a wave no larger than its threads). */
    static final CoreTurns NONE = new CoreTurns(null);

    private final Semaphore turns;

    private CoreTurns(Semaphore turns) {
        this.turns = turns;
    }

    /** Turns for {@code members} members on {@code threads} threads, or none when each has a thread of its own. */
    static CoreTurns of(int members, int threads) {
        return members <= threads ? NONE : new CoreTurns(new Semaphore(threads, true));
    }

    /** Whether members take turns here: false for {@link #NONE}. */
    boolean shared() {
        return turns != null;
    }

    /** Waits for a turn before the first epoch. */
    void take() {
        if (turns == null) {
            return;
        }
        try {
            turns.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a member waited for its turn", e);
        }
    }

    /** After an epoch that is not the last: lets a waiting member go, and waits for the next turn. */
    void pass() {
        give();
        take();
    }

    /** After the last epoch, or a failure: gives the turn up for good. */
    void give() {
        if (turns != null) {
            turns.release();
        }
    }

    /** Members waiting for a turn now (for tests). */
    int waiting() {
        return turns == null ? 0 : turns.getQueueLength();
    }
}

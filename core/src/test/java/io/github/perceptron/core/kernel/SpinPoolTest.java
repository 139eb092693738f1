package io.github.perceptron.core.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The pool on its own, with a size set here (not the machine's), so that every test really hands
 * work to other threads even on one processor.
 */
class SpinPoolTest {

    private final SpinPool pool = new SpinPool(2);

    private static Runnable[] tasks(Runnable... tasks) {
        return tasks;
    }

    @Test
    void every_task_runs_once_on_its_own_thread() {
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        AtomicInteger runs = new AtomicInteger();
        Runnable record = () -> {
            threads.add(Thread.currentThread());
            runs.incrementAndGet();
        };
        assertThat(pool.run(tasks(record, record, record))).isTrue();
        assertThat(runs).hasValue(3);
        assertThat(threads).hasSize(3).contains(Thread.currentThread());
    }

    @Test
    void a_failing_worker_task_is_rethrown_to_the_caller_after_all_tasks_end_and_the_pool_still_works() {
        AtomicBoolean otherRan = new AtomicBoolean();
        assertThatThrownBy(() -> pool.run(tasks(() -> { }, () -> {
            throw new IllegalStateException("boom");
        }, () -> otherRan.set(true)))).isInstanceOf(IllegalStateException.class).hasMessage("boom");
        assertThat(otherRan).isTrue();

        AtomicInteger runs = new AtomicInteger();
        assertThat(pool.run(tasks(runs::incrementAndGet, runs::incrementAndGet, runs::incrementAndGet))).isTrue();
        assertThat(runs).hasValue(3);
    }

    @Test
    void an_error_thrown_by_a_worker_never_hangs_the_caller() {
        assertThatThrownBy(() -> pool.run(tasks(() -> { }, () -> {
            throw new StackOverflowError("deep");
        }))).isInstanceOf(StackOverflowError.class);
        assertThat(pool.run(tasks(() -> { }, () -> { }))).isTrue();
    }

    @Test
    void a_busy_pool_turns_another_thread_away_so_it_does_the_work_itself() throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> pool.run(tasks(() -> {
            holding.countDown();
            await(release);
        })));
        holder.start();
        await(holding);
        assertThat(pool.run(tasks(() -> { }, () -> { }))).isFalse();
        release.countDown();
        holder.join(5_000);
        assertThat(pool.run(tasks(() -> { }, () -> { }))).isTrue();
    }

    @Test
    void nested_use_from_a_task_is_refused_instead_of_overwriting_busy_workers() {
        AtomicInteger nestedAccepted = new AtomicInteger();
        Runnable nesting = () -> {
            if (pool.run(tasks(() -> { }, () -> { }))) {
                nestedAccepted.incrementAndGet();
            }
        };
        assertThat(pool.run(tasks(nesting, nesting, nesting))).isTrue();
        assertThat(nestedAccepted).as("neither the caller nor a worker re-enters").hasValue(0);
    }

    @Test
    void workers_park_soon_after_the_last_task_and_use_no_cpu() throws Exception {
        assertThat(pool.run(tasks(() -> { }, () -> { }, () -> { }))).isTrue();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (!allParked() && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertThat(allParked()).as("parked within 2 s (spinning is bounded to %d µs)", SpinPool.SPIN_NANOS / 1000).isTrue();
    }

    @Test
    void idle_workers_end_and_the_next_product_starts_them_again() throws Exception {
        assertThat(pool.run(tasks(() -> { }, () -> { }, () -> { }))).isTrue();
        assertThat(pool.liveWorkers()).isEqualTo(2);
        long deadline = System.nanoTime() + SpinPool.IDLE_NANOS + TimeUnit.SECONDS.toNanos(5);
        while (pool.liveWorkers() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(pool.liveWorkers()).as("no thread kept after %d s idle", SpinPool.IDLE_NANOS / 1_000_000_000L).isZero();
        AtomicInteger runs = new AtomicInteger();
        assertThat(pool.run(tasks(runs::incrementAndGet, runs::incrementAndGet, runs::incrementAndGet))).isTrue();
        assertThat(runs).hasValue(3);
    }

    @Test
    void a_pool_asked_for_one_thread_starts_none() {
        assertThat(pool.liveWorkers()).as("nothing started before the first product").isZero();
        assertThat(pool.run(tasks(() -> { }))).isTrue();
        assertThat(pool.liveWorkers()).as("one task runs on the caller alone").isZero();
        assertThat(new SpinPool(0).parallelism()).isEqualTo(1);
    }

    @Test
    void an_interrupted_worker_does_not_spin_hot() throws Exception {
        assertThat(pool.run(tasks(() -> { }, () -> { }))).isTrue();
        Thread worker = pool.threads()[0];
        worker.interrupt();
        // The state alone proves nothing: read before the worker wakes, it is still the
        // TIMED_WAITING of its park before the interrupt. Wait until it has taken the interrupt,
        // then measure the CPU it burns: a worker that kept the flag would spin on park.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        while (worker.isInterrupted() && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertThat(worker.isInterrupted()).as("the worker clears the interrupt").isFalse();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuBefore = threads.getThreadCpuTime(worker.getId());
        Thread.sleep(400);
        long cpuNanos = threads.getThreadCpuTime(worker.getId()) - cpuBefore;
        assertThat(cpuNanos).as("CPU used by the interrupted worker in 400 ms of wall time")
                .isLessThan(TimeUnit.MILLISECONDS.toNanos(100));
        assertThat(pool.run(tasks(() -> { }, () -> { }))).isTrue();
    }

    private boolean allParked() {
        for (Thread thread : pool.threads()) {
            if (thread != null && thread.isAlive() && thread.getState() != Thread.State.TIMED_WAITING
                    && thread.getState() != Thread.State.WAITING) {
                return false;
            }
        }
        return true;
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(5, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}

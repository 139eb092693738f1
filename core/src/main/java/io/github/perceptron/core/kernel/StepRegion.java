package io.github.perceptron.core.kernel;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * One parallel region of two phases: each task runs its share of the first phase, all meet at one
 * barrier, each runs its share of the second, and the region ends when all have (the pool's join).
 * A training step enters it once: the batch rows' forward and backward passes, then the parameter
 * rows' gradients and updates. Nothing is allocated per region.
 *
 * <p>When the shared {@link SpinPool} is busy with another thread's work (parallel trials,
 * shards), the caller runs every task's first phase, then every task's second, in task order:
 * the same shares, so the same bits.
 *
 * <p>A failure in a first phase still reaches the barrier, so no task waits for ever; no second
 * phase then runs, and the first failure is rethrown.
 */
public final class StepRegion {

    /** The two phases, each given its task number and the number of tasks. */
    public interface Phases {
        /** The first phase's share of task {@code task} of {@code tasks}. */
        void first(int task, int tasks);

        /** The second phase's share, run once every task's first phase has ended. */
        void second(int task, int tasks);
    }

    private final Runnable[][] tasksByCount;
    private final Barrier barrier = new Barrier();
    private Phases phases;
    private volatile boolean failed;

    /** A region for up to {@code threads} tasks. */
    public StepRegion(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        tasksByCount = new Runnable[threads + 1][];
        for (int count = 1; count <= threads; count++) {
            Runnable[] tasks = new Runnable[count];
            for (int t = 0; t < count; t++) {
                int task = t;
                int tasksInAll = count;
                tasks[t] = () -> both(task, tasksInAll);
            }
            tasksByCount[count] = tasks;
        }
    }

    /**
     * The least work (in multiply-adds) worth a task of its own. Measured on a 2-core Zen 3 (AVX2),
     * {@code bench} at batch 100, one thread against two: [64,16,10] (355,000 a step) ran 0.73× as
     * fast on two, [100,40,10] (1.3 million) 1.05×, [784,10] (2.4 million) 1.86×.
     */
    static final long MIN_WORK_PER_TASK = 1 << 19;

    /**
     * How many tasks a region of {@code rows} batch rows and {@code work} multiply-adds runs: at
     * most this region's threads and the pool's, at most one per four rows (rows are shared at
     * multiples of four), and no more than the work pays for: a small network's step is over
     * before a second thread would have joined it.
     */
    public int tasks(int rows, long work) {
        long byWork = Math.max(1, work / MIN_WORK_PER_TASK);
        int most = Math.min(Math.min(tasksByCount.length - 1, SpinPool.SHARED.parallelism()), Math.max(1, rows / 4));
        return (int) Math.min(most, byWork);
    }

    /** Runs {@code phases} as {@code tasks} tasks (at most {@link #tasks}), returning when both phases have ended. */
    public void run(Phases work, int tasks) {
        this.phases = work;
        this.failed = false;
        try {
            if (tasks > 1 && SpinPool.SHARED.run(tasksByCount[tasks])) {
                return;
            }
            for (int t = 0; t < tasks; t++) {
                work.first(t, tasks);
            }
            for (int t = 0; t < tasks; t++) {
                work.second(t, tasks);
            }
        } finally {
            this.phases = null;
        }
    }

    private void both(int task, int tasks) {
        try {
            phases.first(task, tasks);
        } catch (Throwable e) {
            failed = true;
            throw e;
        } finally {
            barrier.await(tasks);
        }
        if (!failed) {
            phases.second(task, tasks);
        }
    }

    /**
     * The first share of {@code count} items (rows of a batch, rows of a weight matrix) that task
     * {@code task} of {@code tasks} owns, cut at multiples of four as the kernel's row tiles are:
     * task {@code t} owns {@code [start(t), start(t + 1))}.
     */
    public static int start(int count, int task, int tasks) {
        return task == tasks ? count : 4 * (int) ((long) (count / 4) * task / tasks);
    }

    /** The first of {@code count} items (columns: no tiles) task {@code task} of {@code tasks} owns. */
    public static int columnStart(int count, int task, int tasks) {
        return (int) ((long) count * task / tasks);
    }

    /**
     * A reusable barrier for the tasks of one region, spinning briefly then parking, like the
     * pool's workers. One barrier per region, and the pool's join between regions, so a
     * generation can never be overtaken.
     */
    private static final class Barrier {
        private final AtomicInteger arrived = new AtomicInteger();
        private volatile int generation;

        void await(int parties) {
            int current = generation;
            if (arrived.incrementAndGet() == parties) {
                arrived.set(0);
                generation = current + 1;
                return;
            }
            long spinUntil = System.nanoTime() + SpinPool.SPIN_NANOS;
            while (generation == current) {
                if (System.nanoTime() < spinUntil) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.parkNanos(10_000);
                }
            }
        }
    }
}

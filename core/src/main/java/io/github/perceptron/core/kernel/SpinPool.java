package io.github.perceptron.core.kernel;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Worker threads for the matrix products, handed work without a queue: a product takes tens to
 * hundreds of microseconds, and an executor's park/unpark round trip costs nearly as much. A
 * worker spins on its task slot for a bounded time ({@link #SPIN_NANOS}) before it parks, and the
 * caller does the same while it waits for the workers, so back-to-back products hand over in
 * nanoseconds while a pool with nothing to do (between epochs, waiting on I/O, after training)
 * uses no CPU. Workers start on first use, are daemons, and end after {@link #IDLE_NANOS} without
 * work, so an application that embeds core keeps no threads it does not use; the next product
 * starts them again.
 *
 * <p>One pool is shared by every kernel. A product that finds it busy with another thread's work,
 * or that is started from inside one of the pool's own tasks, runs on its own thread instead.
 */
final class SpinPool {

    /**
     * Long enough to bridge the gaps between one step's products, short enough to cost nothing
     * idle; {@code -Dperceptron.pool.spinMicros=N} sets it.
     */
    static final long SPIN_NANOS = 1000L * Long.getLong("perceptron.pool.spinMicros", 50);
    /** A worker parked this long without work ends; the next product starts a new one. */
    static final long IDLE_NANOS = 2_000_000_000L;

    /** Workers: the processors less one (the caller works too), or {@code -Dperceptron.pool.workers=N}. */
    static final SpinPool SHARED = new SpinPool(Integer.getInteger("perceptron.pool.workers",
            Math.max(0, Runtime.getRuntime().availableProcessors() - 1)));

    private final Worker[] workers;
    private final ReentrantLock inUse = new ReentrantLock();

    SpinPool(int size) {
        if (size < 0) {
            throw new IllegalArgumentException("a pool needs 0 or more workers, was " + size);
        }
        workers = new Worker[size];
    }

    /** How many tasks {@link #run} can take at once: the workers and the caller. */
    int parallelism() {
        return workers.length + 1;
    }

    /**
     * Runs {@code tasks[0]} on the calling thread and the others on workers, returning when all
     * are done; the first failure of any task is rethrown once all have ended. Returns false,
     * having run nothing, when another thread is using the pool or when called from inside one
     * of its tasks (re-entering would hand busy workers a second task): the caller then does the
     * work itself.
     */
    boolean run(Runnable[] tasks) {
        if (tasks.length > parallelism()) {
            throw new IllegalArgumentException(tasks.length + " tasks for a pool of " + parallelism());
        }
        // A worker's own task must not re-enter: instanceof, not a ThreadLocal, which cost 5% of
        // the caller's samples at a dozen calls per step.
        if (inUse.isHeldByCurrentThread() || Thread.currentThread() instanceof Worker || !inUse.tryLock()) {
            return false;
        }
        try {
            Thread caller = Thread.currentThread();
            for (int t = 1; t < tasks.length; t++) {
                worker(t - 1).give(tasks[t], caller);
            }
            Throwable failure = null;
            try {
                tasks[0].run();
            } catch (Throwable e) {
                failure = e;
            }
            for (int t = 1; t < tasks.length; t++) {
                Throwable workerFailure = workers[t - 1].awaitDone();
                failure = failure == null ? workerFailure : failure;
            }
            rethrow(failure);
            return true;
        } finally {
            inUse.unlock();
        }
    }

    /** The live threads of this pool's workers, for tests and for people watching a thread dump. */
    int liveWorkers() {
        int live = 0;
        for (Worker worker : workers) {
            live += worker != null && worker.isAlive() ? 1 : 0;
        }
        return live;
    }

    /** The worker threads as they are now (null where none was started), for tests. */
    Thread[] threads() {
        return workers.clone();
    }

    /** Worker {@code i}, started anew if it never ran or ended idle. Only under the lock. */
    private Worker worker(int i) {
        Worker worker = workers[i];
        if (worker == null || !worker.claim()) {
            worker = new Worker("perceptron-kernel-" + (i + 1));
            worker.claim();
            worker.start();
            workers[i] = worker;
        }
        return worker;
    }

    private static void rethrow(Throwable failure) {
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure != null) {
            throw new IllegalStateException("a kernel task failed", failure);
        }
    }

    /** A thread with a one-task slot. */
    private static final class Worker extends Thread {
        private static final int IDLE = 0;
        private static final int CLAIMED = 1;
        private static final int ENDED = 2;

        /** IDLE until the pool claims the worker for a task; ENDED once it has ended idle. */
        private final AtomicInteger state = new AtomicInteger(IDLE);
        private volatile Runnable task;
        private volatile boolean done = true;
        private volatile Throwable failure;
        private volatile Thread caller;

        Worker(String name) {
            super(name);
            setDaemon(true);
        }

        /** Reserves the worker for one task; false once it has ended. */
        boolean claim() {
            return state.compareAndSet(IDLE, CLAIMED);
        }

        void give(Runnable work, Thread waiting) {
            failure = null;
            done = false;
            caller = waiting;
            task = work;
            LockSupport.unpark(this);
        }

        /** Spins for {@link #SPIN_NANOS}, then parks until the task is done (the worker wakes the caller). */
        Throwable awaitDone() {
            long spinUntil = System.nanoTime() + SPIN_NANOS;
            while (!done) {
                if (System.nanoTime() < spinUntil) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.parkNanos(SPIN_NANOS);
                }
            }
            return failure;
        }

        @Override
        public void run() {
            while (true) {
                Runnable work = next();
                if (work == null) {
                    return;
                }
                try {
                    work.run();
                } catch (Throwable e) {
                    failure = e;
                } finally {
                    task = null;
                    state.set(IDLE);
                    done = true;
                    LockSupport.unpark(caller);
                }
            }
        }

        /** The next task, or null when the worker has ended after {@link #IDLE_NANOS} without one. */
        private Runnable next() {
            long spinUntil = System.nanoTime() + SPIN_NANOS;
            long idleSince = System.nanoTime();
            while (true) {
                Runnable work = task;
                if (work != null) {
                    return work;
                }
                long now = System.nanoTime();
                if (now < spinUntil) {
                    Thread.onSpinWait();
                    continue;
                }
                if (now - idleSince > IDLE_NANOS && state.compareAndSet(IDLE, ENDED)) {
                    return null;
                }
                // An interrupt would make every park return at once: a hot spin. Nobody should
                // interrupt a worker; if someone does, the flag is dropped here.
                Thread.interrupted();
                LockSupport.parkNanos(this, IDLE_NANOS);
            }
        }
    }
}

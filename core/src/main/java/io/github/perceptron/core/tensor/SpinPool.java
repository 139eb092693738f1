package io.github.perceptron.core.tensor;

import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Worker threads for the matrix products, handed work without a queue: a product takes tens to
 * hundreds of microseconds, and an executor's park/unpark round trip costs nearly as much. Each
 * worker spins briefly on its task slot before parking, and the caller spins on completion.
 * One pool is shared by every kernel; a product that finds it busy runs on its own thread.
 * Workers are daemons, as many as the processors less one, and never keep the JVM alive.
 */
final class SpinPool {

    /** About 20–50 µs of spinning before a worker parks. */
    private static final int SPINS = 20_000;

    static final SpinPool SHARED = new SpinPool(Math.max(0, Runtime.getRuntime().availableProcessors() - 1));

    private final Worker[] workers;
    private final ReentrantLock inUse = new ReentrantLock();

    private SpinPool(int size) {
        workers = new Worker[size];
        for (int i = 0; i < size; i++) {
            workers[i] = new Worker("perceptron-kernel-" + (i + 1));
            workers[i].start();
        }
    }

    /** How many tasks {@link #run} can take at once: the workers and the caller. */
    int parallelism() {
        return workers.length + 1;
    }

    /**
     * Runs {@code tasks[0]} on the calling thread and the others on workers, returning when all
     * are done. Returns false, having run nothing, when another thread is using the pool.
     */
    boolean run(Runnable[] tasks) {
        if (tasks.length > parallelism()) {
            throw new IllegalArgumentException(tasks.length + " tasks for a pool of " + parallelism());
        }
        if (!inUse.tryLock()) {
            return false;
        }
        try {
            for (int t = 1; t < tasks.length; t++) {
                workers[t - 1].give(tasks[t]);
            }
            Throwable failure = null;
            try {
                tasks[0].run();
            } catch (RuntimeException | Error e) {
                failure = e;
            }
            for (int t = 1; t < tasks.length; t++) {
                Throwable workerFailure = workers[t - 1].await();
                failure = failure == null ? workerFailure : failure;
            }
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            return true;
        } finally {
            inUse.unlock();
        }
    }

    /** A thread with a one-task slot. */
    private static final class Worker extends Thread {
        private volatile Runnable task;
        private volatile boolean done = true;
        private volatile Throwable failure;

        Worker(String name) {
            super(name);
            setDaemon(true);
        }

        void give(Runnable work) {
            failure = null;
            done = false;
            task = work;
            LockSupport.unpark(this);
        }

        Throwable await() {
            for (int spin = 0; !done; spin++) {
                if (spin < SPINS) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield();
                }
            }
            return failure;
        }

        @Override
        public void run() {
            while (true) {
                Runnable work = next();
                try {
                    work.run();
                } catch (RuntimeException | Error e) {
                    failure = e;
                } finally {
                    task = null;
                    done = true;
                }
            }
        }

        private Runnable next() {
            for (int spin = 0; ; spin++) {
                Runnable work = task;
                if (work != null) {
                    return work;
                }
                if (spin < SPINS) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
        }
    }
}

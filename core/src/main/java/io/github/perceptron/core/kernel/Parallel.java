package io.github.perceptron.core.kernel;

/**
 * Independent work split between threads on the kernels' shared workers (see {@link SpinPool}):
 * each row, or each share, is handled exactly once, so a result that does not depend on the split
 * is the same for any thread count.
 */
public final class Parallel {

    private Parallel() {
    }

    /**
     * Runs {@code action} over rows {@code [0, rows)} split into at most {@code threads} contiguous
     * ranges on the kernels' shared workers, each row in exactly one range: for independent per-row
     * work such as gathering a batch, whose result must not depend on the split.
     */
    public static void forEachRowRange(int threads, int rows, RowRange action) {
        forEachChunk(threads, rows, (chunk, from, to) -> action.run(from, to));
    }

    /**
     * As {@link #forEachRowRange}, telling each range its chunk number, below {@code threads}: the
     * index of scratch space (one per thread) that no other range uses at the same time.
     */
    public static void forEachChunk(int threads, int rows, ChunkRange action) {
        int chunks = Math.min(Math.min(threads, SpinPool.SHARED.parallelism()), rows);
        if (chunks > 1) {
            Runnable[] tasks = new Runnable[chunks];
            for (int t = 0; t < chunks; t++) {
                int chunk = t;
                int from = rows * t / chunks;
                int to = rows * (t + 1) / chunks;
                tasks[t] = () -> action.run(chunk, from, to);
            }
            if (SpinPool.SHARED.run(tasks)) {
                return;
            }
        }
        action.run(0, 0, rows);
    }

    /**
     * Runs {@code action} once for each share {@code 0..shares-1}, the shares split between at most
     * {@code shares} threads: for work cut into a fixed number of parts, such as an update that
     * gives each thread the share of every tensor whose gradient it computed.
     */
    public static void forEachShare(int shares, java.util.function.IntConsumer action) {
        forEachRowRange(shares, shares, (first, end) -> {
            for (int share = first; share < end; share++) {
                action.accept(share);
            }
        });
    }

    /** Work on rows {@code [from, to)}. */
    public interface RowRange {
        void run(int from, int to);
    }

    /** Work on rows {@code [from, to)} as chunk number {@code chunk}. */
    public interface ChunkRange {
        void run(int chunk, int from, int to);
    }
}

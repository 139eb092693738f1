package io.github.perceptron.core.train;

import java.io.Serializable;

/**
 * Where one shard of data-parallel training stands between rounds: its own random generator,
 * its order of its own examples, its local epoch and the next mini-batch in it, and its running
 * loss and correct count over that epoch. Kept by the driver and handed to whichever worker runs
 * the shard's next round, so the shard's randomness is its own, whatever runs it.
 *
 * @param batch           the next mini-batch of the local epoch under way, from 0
 * @param completedEpochs the local epochs finished (the one under way is the next)
 * @param lastLossSum     the summed loss of the last finished epoch (for its report)
 * @param lastCorrect     the examples it classified correctly while training (dropout on)
 */
public record ShardProgress(long randomState, int[] order, int batch, double lossSum, long correct,
                            int completedEpochs, double lastLossSum, long lastCorrect) implements Serializable {

    private static final long serialVersionUID = 1L;

    public ShardProgress {
        order = order.clone();
    }

    /** A shard of {@code size} examples about to start, its generator at {@code randomState}. */
    public static ShardProgress start(long randomState, int size) {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        return new ShardProgress(randomState, order, 0, 0, 0, 0, 0, 0);
    }

    /** The local epoch under way, from 1. */
    public int epoch() {
        return completedEpochs + 1;
    }

    @Override
    public int[] order() {
        return order.clone();
    }

    /** The shard's examples. */
    public int size() {
        return order.length;
    }
}

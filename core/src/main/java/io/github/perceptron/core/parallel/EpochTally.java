package io.github.perceptron.core.parallel;

import java.io.Serializable;

/**
 * Where one shard stands in its local epoch between rounds, beyond its {@link
 * io.github.perceptron.core.checkpoint.TrainerState}: the next mini-batch, and the running loss and
 * correct count over the epoch under way and the last one finished (for the epoch's report).
 *
 * @param batch           the next mini-batch of the local epoch under way, from 0
 * @param completedEpochs the local epochs finished (the one under way is the next)
 * @param lastLossSum     the summed loss of the last finished epoch
 * @param lastCorrect     the examples it classified correctly while training then (dropout on)
 */
public record EpochTally(int batch, double lossSum, long correct, int completedEpochs, double lastLossSum,
                         long lastCorrect) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** A shard about to start. */
    public static final EpochTally START = new EpochTally(0, 0, 0, 0, 0, 0);
}

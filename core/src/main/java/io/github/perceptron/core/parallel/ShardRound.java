package io.github.perceptron.core.parallel;

import io.github.perceptron.core.checkpoint.TrainerState;
import java.io.Serializable;

/** What one shard hands back after a round of data-parallel training: its state and its tally. */
public record ShardRound(TrainerState state, EpochTally tally) implements Serializable {

    private static final long serialVersionUID = 1L;
}

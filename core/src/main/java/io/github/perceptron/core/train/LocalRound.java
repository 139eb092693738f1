package io.github.perceptron.core.train;

import java.io.Serializable;

/** What one shard hands back after a round of data-parallel training: its replica and its progress. */
public record LocalRound(Replica replica, ShardProgress progress) implements Serializable {

    private static final long serialVersionUID = 1L;
}

package io.github.perceptron.core.parallel;

import io.github.perceptron.core.checkpoint.TrainerState;
import io.github.perceptron.core.data.LabelledImages;
import io.github.perceptron.core.train.Threads;
import io.github.perceptron.core.train.TrainingPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the shards of data-parallel training run their rounds: here, on in-memory shards, or (an
 * adapter's) on a cluster whose workers read their own shards. Only speed depends on it: a round's
 * results are the same wherever the shards run, and come back in shard order.
 */
public interface ShardRunner {

    /** The shards and their data, as far as the driver needs to know them. */
    ShardLayout layout();

    /**
     * Runs one round: shard {@code s} trains {@code steps} mini-batches from {@code starts.get(s)},
     * carrying on {@code tallies.get(s)}. Every start holds the same weights and optimiser state
     * (the last round's average), with the shard's own generator and order. Returns the shards'
     * rounds in shard order.
     */
    List<ShardRound> round(List<TrainerState> starts, List<EpochTally> tallies, int steps, float[] classWeights);

    /** {@code train} cut as {@link ShardLayout#of} cuts it, each round's shards trained one after another here. */
    static ShardRunner inMemory(TrainingPlan plan, LabelledImages train, int shards, Threads threads) {
        List<LabelledImages> blocks = new ArrayList<>();
        for (int s = 0; s < shards; s++) {
            blocks.add(ShardLayout.shard(train, shards, s));
        }
        return inMemory(plan, ShardLayout.of(train, shards), blocks, threads);
    }

    /** The given shards, laid out as {@code layout} says, each round's shards trained one after another here. */
    static ShardRunner inMemory(TrainingPlan plan, ShardLayout layout, List<LabelledImages> shards, Threads threads) {
        if (shards.size() != layout.shards()) {
            throw new IllegalArgumentException(shards.size() + " shards for a layout of " + layout.shards());
        }
        List<LabelledImages> blocks = List.copyOf(shards);
        List<ShardTrainer> trainers = new ArrayList<>();
        return new ShardRunner() {
            @Override
            public ShardLayout layout() {
                return layout;
            }

            @Override
            public List<ShardRound> round(List<TrainerState> starts, List<EpochTally> tallies, int steps,
                                          float[] classWeights) {
                if (trainers.isEmpty()) {
                    blocks.forEach(block -> trainers.add(new ShardTrainer(plan, threads, block, classWeights)));
                }
                List<ShardRound> rounds = new ArrayList<>();
                for (int s = 0; s < blocks.size(); s++) {
                    rounds.add(trainers.get(s).round(starts.get(s), tallies.get(s), steps));
                }
                return rounds;
            }
        };
    }
}

package io.github.perceptron.core.train;

import io.github.perceptron.core.data.LabelledImages;
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
     * Runs one round: shard {@code s} trains {@code steps} mini-batches from {@code start},
     * carrying on {@code progress.get(s)}. Returns the shards' rounds in shard order.
     */
    List<LocalRound> round(Replica start, List<ShardProgress> progress, int steps, float[] classWeights);

    /** {@code train} cut as {@link ShardLayout#of} cuts it, each round's shards trained one after another here. */
    static ShardRunner inMemory(TrainingPlan plan, LabelledImages train, int shards, Execution execution) {
        List<LabelledImages> blocks = new ArrayList<>();
        for (int s = 0; s < shards; s++) {
            blocks.add(ShardLayout.shard(train, shards, s));
        }
        return inMemory(plan, ShardLayout.of(train, shards), blocks, execution);
    }

    /** The given shards, laid out as {@code layout} says, each round's shards trained one after another here. */
    static ShardRunner inMemory(TrainingPlan plan, ShardLayout layout, List<LabelledImages> shards, Execution execution) {
        if (shards.size() != layout.shards()) {
            throw new IllegalArgumentException(shards.size() + " shards for a layout of " + layout.shards());
        }
        List<LabelledImages> blocks = List.copyOf(shards);
        Trainer trainer = new Trainer(plan, execution, TrainingListener.NONE);
        List<Trainer.Shard> trainers = new ArrayList<>();
        return new ShardRunner() {
            @Override
            public ShardLayout layout() {
                return layout;
            }

            @Override
            public List<LocalRound> round(Replica start, List<ShardProgress> progress, int steps, float[] classWeights) {
                if (trainers.isEmpty()) {
                    blocks.forEach(block -> trainers.add(trainer.shard(block, classWeights)));
                }
                List<LocalRound> rounds = new ArrayList<>();
                for (int s = 0; s < blocks.size(); s++) {
                    rounds.add(trainers.get(s).round(start, progress.get(s), steps));
                }
                return rounds;
            }
        };
    }
}

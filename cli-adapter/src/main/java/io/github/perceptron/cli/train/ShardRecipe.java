package io.github.perceptron.cli.train;

import io.github.perceptron.cli.common.PlanCodec;
import io.github.perceptron.core.data.DatasetException;
import io.github.perceptron.core.data.LabelledImages;
import io.github.perceptron.core.data.Split;
import io.github.perceptron.core.parallel.ShardLayout;
import io.github.perceptron.core.train.TrainingPlan;
import io.github.perceptron.dataset.DataLocation;
import io.github.perceptron.dataset.IdxDatasetSource;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What a data-parallel shard needs wherever it runs, as plain values: the plan as a document (and
 * the codec that reads it there) and where the data is. The shard's images are read where it runs,
 * never on the driver.
 */
public final class ShardRecipe implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String plan;
    private final PlanCodec codec;
    private final DataLocation data;

    ShardRecipe(TrainingPlan plan, PlanCodec codec, DataLocation data) {
        this.plan = codec.write(plan);
        this.codec = codec;
        this.data = data;
    }

    /** The plan, read from its document where this runs. */
    public TrainingPlan plan() {
        return codec.read(plan);
    }

    /**
     * The shards' layout, read where this runs. Training data in part files is read one part at a
     * time, and shard s is made of parts s, s + P, s + 2P, ... in name order; one training file is
     * cut into contiguous blocks.
     */
    public ShardLayout layout(int shards) {
        IdxDatasetSource parted = parted();
        if (parted == null) {
            return ShardLayout.of(data.open().load(Split.TRAIN), shards);
        }
        IdxDatasetSource.PartsSummary summary = parted.summarizeTrainingParts();
        if (summary.parts().size() < shards) {
            throw new DatasetException(data.directory() + "/" + IdxDatasetSource.PARTS + ": " + summary.parts().size()
                    + " part files for " + shards + " shards; a shard needs one part at least");
        }
        int[] sizes = new int[shards];
        for (int p = 0; p < summary.parts().size(); p++) {
            sizes[p % shards] += summary.counts()[p];
        }
        return new ShardLayout(sizes, summary.labelHistogram(), summary.width(), summary.height(), summary.classNames(),
                summary.contentDigest());
    }

    /** Shard {@code s} of {@code layout}, read here: only its own parts, or its block of the training file. */
    public LabelledImages shard(int s, int shards, ShardLayout layout) {
        IdxDatasetSource parted = parted();
        LabelledImages shard;
        if (parted == null) {
            shard = ShardLayout.shard(data.openVerified(layout.contentDigest()).load(Split.TRAIN), shards, s);
        } else {
            List<String> all = parted.trainingParts();
            List<String> mine = new ArrayList<>();
            for (int p = s; p < all.size(); p += shards) {
                mine.add(all.get(p));
            }
            shard = parted.loadTrainingParts(mine);
        }
        if (shard.size() != layout.sizes()[s]) {
            throw new DatasetException(data.directory() + ": shard " + s + " holds " + shard.size() + " images here, "
                    + layout.sizes()[s] + " when the run started: the data changed");
        }
        return shard;
    }

    /** The IDX source when its training split comes in part files; null otherwise. */
    private IdxDatasetSource parted() {
        return data.partedTraining().orElse(null);
    }
}

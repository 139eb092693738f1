package io.github.perceptron.cli.train;

import io.github.perceptron.cli.common.DataLocation;
import io.github.perceptron.core.data.LabelledImages;
import io.github.perceptron.core.data.Split;
import io.github.perceptron.core.train.TrainingPlan;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What a data-parallel shard needs wherever it runs, as plain values: the training options as
 * typed (parsed there with {@code train}'s rules into the same plan) and where the data is.
 */
public final class ShardRecipe implements Serializable {

    private static final long serialVersionUID = 1L;

    private final ArrayList<String> trainingOptions;
    private final DataLocation data;

    ShardRecipe(List<String> trainingOptions, DataLocation data) {
        this.trainingOptions = new ArrayList<>(trainingOptions);
        this.data = data;
    }

    public TrainingPlan plan() {
        return TrainingOptions.parse(trainingOptions).plan();
    }

    /** The training images, read here; with a digest, refused unless they are those images (read once per JVM). */
    public LabelledImages trainingImages(String digest) {
        return (digest == null ? data.open() : data.openVerified(digest)).load(Split.TRAIN);
    }
}

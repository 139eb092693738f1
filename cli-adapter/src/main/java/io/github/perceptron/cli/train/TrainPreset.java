package io.github.perceptron.cli.train;

import io.github.perceptron.cli.common.OptionException;
import java.util.List;
import java.util.Locale;

/** Named recipes for {@code train --preset}: training options, and a committee's size; options typed beside it win. */
public enum TrainPreset {

    /**
     * The most accurate model we train within an hour on two cores: a committee of five
     * [784,800,800,10] ReLU networks, each the recipe of {@code compare --preset best} (elastic
     * distortions plus shifts, Nesterov momentum on a cosine schedule, chosen on a validation split)
     * for 130 epochs, differing by seed. The figures are in docs/experiments-committee.md.
     */
    COMMITTEE("committee", 5, List.of("--layers", "784,800,800,10", "--activation", "relu", "--loss", "cross-entropy",
            "--init", "he", "--optimizer", "nesterov", "--lr", "0.1", "--momentum", "0.9", "--schedule", "cosine",
            "--batch", "100", "--dropout", "0", "--augment", "elastic,shift", "--epochs", "130"));

    private final String id;
    private final int members;
    private final List<String> options;

    TrainPreset(String id, int members, List<String> options) {
        this.id = id;
        this.members = members;
        this.options = options;
    }

    /** The training options of one network of the recipe, as {@code train} takes them. */
    public List<String> options() {
        return options;
    }

    /** How many members the recipe's committee has. */
    int members() {
        return members;
    }

    static TrainPreset fromId(String id) {
        for (TrainPreset preset : values()) {
            if (preset.id.equals(id.toLowerCase(Locale.ROOT))) {
                return preset;
            }
        }
        throw new OptionException("--preset: unknown preset '" + id + "', expected committee");
    }
}

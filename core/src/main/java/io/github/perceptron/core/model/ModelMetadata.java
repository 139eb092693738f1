package io.github.perceptron.core.model;

import java.time.Instant;
import java.util.OptionalDouble;

/**
 * Where a model came from.
 *
 * @param dataset      the training data's description
 * @param testAccuracy the accuracy measured on held-out data when the model was saved, if any
 * @param toolVersion  the perceptron version that trained it
 */
public record ModelMetadata(String dataset, long seed, int epochs, OptionalDouble testAccuracy,
                            String toolVersion, Instant created) {

    public ModelMetadata {
        if (dataset == null || toolVersion == null || created == null || testAccuracy == null) {
            throw new IllegalArgumentException("dataset, accuracy, tool version and creation time must be given");
        }
        if (epochs < 0) {
            throw new IllegalArgumentException("epochs must be >= 0, was " + epochs);
        }
    }
}

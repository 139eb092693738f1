package io.github.perceptron.core.model;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Where a model came from.
 *
 * @param dataset      the training data's description
 * @param testAccuracy the accuracy measured on held-out data when the model was saved, if any
 * @param toolVersion  the perceptron version that trained it
 * @param provenance   how it was made (plan, data digests, split, kept epoch, machine); empty in files
 *                     written before format version 2
 */
public record ModelMetadata(String dataset, long seed, int epochs, OptionalDouble testAccuracy,
                            String toolVersion, Instant created, Optional<Provenance> provenance) {

    public ModelMetadata {
        if (dataset == null || toolVersion == null || created == null || testAccuracy == null || provenance == null) {
            throw new IllegalArgumentException("dataset, accuracy, tool version, creation time and provenance must be given");
        }
        if (epochs < 0) {
            throw new IllegalArgumentException("epochs must be >= 0, was " + epochs);
        }
    }

    /** The version of this perceptron, as models trained now record it ({@code unknown} outside a build). */
    public static String currentToolVersion() {
        return ToolVersion.current();
    }

    /** This metadata with {@code provenance}. */
    public ModelMetadata withProvenance(Provenance provenance) {
        return new ModelMetadata(dataset, seed, epochs, testAccuracy, toolVersion, created, Optional.of(provenance));
    }

    /** Metadata without a provenance. */
    public ModelMetadata(String dataset, long seed, int epochs, OptionalDouble testAccuracy, String toolVersion,
                         Instant created) {
        this(dataset, seed, epochs, testAccuracy, toolVersion, created, Optional.empty());
    }
}

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
 * @param seed         the plan's seed
 * @param epochs       the epochs trained (the kept epoch under early stopping), at least 0
 * @param created      when the model was made
 */
public record ModelMetadata(String dataset, long seed, int epochs, OptionalDouble testAccuracy,
                            String toolVersion, Instant created, Optional<Provenance> provenance) {

    /**
     * Checks the components.
     *
     * @param dataset the training data's description
     * @param seed the plan's seed
     * @param epochs the epochs trained (the kept epoch under early stopping), at least 0
     * @param testAccuracy the accuracy measured on held-out data when the model was saved, if any
     * @param toolVersion the perceptron version that trained it
     * @param created when the model was made
     * @param provenance how it was made (plan, data digests, split, kept epoch, machine); empty in files written before format version 2
     * @throws IllegalArgumentException if a component is null or {@code epochs} is negative
     */
    public ModelMetadata {
        if (dataset == null || toolVersion == null || created == null || testAccuracy == null || provenance == null) {
            throw new IllegalArgumentException("dataset, accuracy, tool version, creation time and provenance must be given");
        }
        if (epochs < 0) {
            throw new IllegalArgumentException("epochs must be >= 0, was " + epochs);
        }
    }

    /**
     * The version of this perceptron, as models trained now record it ({@code unknown} outside a build).
     *
     * @return the version, such as {@code 0.1.0-SNAPSHOT}
     */
    public static String currentToolVersion() {
        return ToolVersion.current();
    }

    /**
     * This metadata with {@code provenance}.
     *
     * @param provenance how the model was made
     * @return a copy with that provenance
     */
    public ModelMetadata withProvenance(Provenance provenance) {
        return new ModelMetadata(dataset, seed, epochs, testAccuracy, toolVersion, created, Optional.of(provenance));
    }

    /**
     * Metadata without a provenance.
     *
     * @param dataset      the training data's description
     * @param seed         the plan's seed
     * @param epochs       the epochs trained, at least 0
     * @param testAccuracy the accuracy measured on held-out data, if any
     * @param toolVersion  the perceptron version that trained it
     * @param created      when the model was made
     * @throws IllegalArgumentException if a component is null or {@code epochs} is negative
     */
    public ModelMetadata(String dataset, long seed, int epochs, OptionalDouble testAccuracy, String toolVersion,
                         Instant created) {
        this(dataset, seed, epochs, testAccuracy, toolVersion, created, Optional.empty());
    }
}

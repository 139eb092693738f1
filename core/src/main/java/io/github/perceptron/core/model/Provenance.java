package io.github.perceptron.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a model was made: enough to make it again, and to know which data it saw.
 *
 * @param plan        every field of the training plan, by name
 * @param trainDigest {@code sha256:} of the decoded training images and labels (before any split)
 * @param testDigest  the same of the test images
 * @param validation  the held-out images: {@code none}, or the split's kind, size, seed and images per class
 * @param keptEpoch   the epoch whose weights the model holds
 * @param keptBecause why that one: the last epoch, or the best validation figure under early stopping
 * @param kernel      the matrix kernel and its vector width, for example {@code vector (512-bit)}
 * @param threads     the threads it trained on (they change speed, never results)
 * @param java        the Java runtime
 * @param cpu         the processor
 * @param gitCommit   the commit perceptron was built from when built from a clone, else empty
 */
public record Provenance(Map<String, String> plan, String trainDigest, String testDigest, String validation,
                         int keptEpoch, String keptBecause, String kernel, int threads, String java, String cpu,
                         String gitCommit) {

    public Provenance {
        if (plan == null || trainDigest == null || testDigest == null || validation == null || keptBecause == null
                || kernel == null || java == null || cpu == null || gitCommit == null) {
            throw new IllegalArgumentException("every field of a provenance must be given");
        }
        if (keptEpoch < 0 || threads < 1) {
            throw new IllegalArgumentException("the kept epoch must be >= 0 and threads >= 1, were " + keptEpoch
                    + " and " + threads);
        }
        plan = Collections.unmodifiableMap(new LinkedHashMap<>(plan));
    }
}

package io.github.perceptron.core.tune;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One finished trial, scored on held-out training images (averaged over the folds with
 * cross-validation), never on the test set.
 *
 * @param number             the trial's place in the search, from 1
 * @param params             the field values it tried
 * @param validationAccuracy the accuracy of the epoch it kept (0 when it failed)
 * @param validationLoss     that epoch's loss (NaN when it failed)
 * @param keptEpoch          the epoch it kept: the last, or the best with early stopping (mean over folds, rounded)
 * @param seconds            the time it took
 * @param failure            why it failed (a diverging loss), or null
 */
public record TrialResult(int number, Map<String, String> params, double validationAccuracy, double validationLoss,
                          int keptEpoch, double seconds, String failure) implements Serializable {

    private static final long serialVersionUID = 1L;

    public TrialResult {
        if (number < 1) {
            throw new IllegalArgumentException("trials count from 1, was " + number);
        }
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    public boolean failed() {
        return failure != null;
    }
}

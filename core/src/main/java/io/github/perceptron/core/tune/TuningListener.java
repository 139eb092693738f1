package io.github.perceptron.core.tune;

import io.github.perceptron.core.train.TrainingPlan;
import io.github.perceptron.core.tune.TrialResult;
import java.util.Map;

/** Receives a search's progress; methods run on the searching thread. */
public interface TuningListener {

    /** Ignores every event. */
    TuningListener NONE = new TuningListener() {
    };

    /** Trial {@code number} of {@code count} starts. */
    default void trialStarted(int number, int count, Map<String, String> params) {
    }

    /** A trial finished now, or was read back from the journal ({@code resumed}). */
    default void trialFinished(TrialResult result, int count, boolean resumed) {
    }

    /** The winner trains once more (on every training image when retraining) and meets the test set. */
    default void winnerTraining(TrialResult best, TrainingPlan plan) {
    }
}

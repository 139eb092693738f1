package io.github.perceptron.core.tune;

import java.util.List;

/**
 * Port: where a search writes each trial as it finishes, so that a search killed part-way
 * resumes without running its finished trials again.
 */
public interface TrialJournal {

    /** Nothing kept: every search starts afresh. */
    TrialJournal NONE = new TrialJournal() {
        @Override
        public List<TrialResult> finished() {
            return List.of();
        }

        @Override
        public void record(TrialResult result) {
        }
    };

    /** The trials a previous run of the same search finished, in order. */
    List<TrialResult> finished();

    /** Keeps {@code result} durably before the next trial starts. */
    void record(TrialResult result);
}

package io.github.perceptron.core.testing;

import io.github.perceptron.core.train.EpochReport;
import io.github.perceptron.core.train.TrainingListener;

/** A listener that asks training to stop once {@code epochs} epochs are done, as a user's interrupt would. */
public final class StopAfter implements TrainingListener {

    private final int epochs;
    private int done;

    public StopAfter(int epochs) {
        this.epochs = epochs;
    }

    @Override
    public void epochCompleted(EpochReport report) {
        done = report.epoch();
    }

    @Override
    public boolean stopRequested() {
        return done >= epochs;
    }
}

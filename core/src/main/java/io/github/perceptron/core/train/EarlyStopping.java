package io.github.perceptron.core.train;

/**
 * Stop when the validation score has not improved for {@code patience} epochs, and optionally
 * keep the best epoch's weights rather than the last. It watches the validation images of a run
 * only (see {@link io.github.perceptron.core.usecase.TrainModel}): never the test set.
 *
 * @param monitor     the validation figure watched
 * @param patience    epochs without improvement before stopping; 0 never stops
 * @param minDelta    how much the figure must improve on the best so far to count (loss in nats,
 *                    accuracy as a fraction)
 * @param restoreBest end with the best epoch's weights, whether the run stopped early or ran to
 *                    its last epoch
 */
public record EarlyStopping(Monitor monitor, int patience, double minDelta, boolean restoreBest) {

    /** Never stops early, keeps the last weights. */
    public static final EarlyStopping NONE = new EarlyStopping(Monitor.ACCURACY, 0, 0, false);

    /** The figure early stopping watches, with the name plans and checkpoints record. */
    public enum Monitor {
        LOSS("loss"), ACCURACY("accuracy");

        private final String id;

        Monitor(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        /** The monitor named {@code id}, as {@link #id()} writes it. */
        public static Monitor of(String id) {
            for (Monitor monitor : values()) {
                if (monitor.id.equals(id)) {
                    return monitor;
                }
            }
            throw new IllegalArgumentException("unknown monitor '" + id + "' (expected loss or accuracy)");
        }
    }

    public EarlyStopping {
        if (monitor == null) {
            throw new IllegalArgumentException("the monitored figure must be given");
        }
        if (patience < 0) {
            throw new IllegalArgumentException("patience must be >= 0 epochs, was " + patience);
        }
        if (!(minDelta >= 0) || Double.isInfinite(minDelta)) {
            throw new IllegalArgumentException("min delta must be a finite number >= 0, was " + minDelta);
        }
    }

    /** Watches validation accuracy with {@code patience}, any improvement counting, and restores the best. */
    public static EarlyStopping onAccuracy(int patience) {
        return new EarlyStopping(Monitor.ACCURACY, patience, 0, true);
    }

    public boolean isActive() {
        return patience > 0 || restoreBest;
    }

    /** Whether {@code score} beats {@code best} by more than {@code minDelta}; any finite score beats a first NaN. */
    public boolean improves(double score, double best) {
        if (Double.isNaN(best)) {
            return !Double.isNaN(score);
        }
        return monitor == Monitor.LOSS ? score < best - minDelta : score > best + minDelta;
    }
}

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
        /** The validation loss: lower is better. */
        LOSS("loss"),
        /** Validation accuracy: higher is better. */
        ACCURACY("accuracy");

        private final String id;

        Monitor(String id) {
            this.id = id;
        }

        /** @return {@code loss} or {@code accuracy} */
        public String id() {
            return id;
        }

        /**
         * The monitor named {@code id}, as {@link #id()} writes it.
         *
         * @param id {@code loss} or {@code accuracy}
         * @return the monitor
         * @throws IllegalArgumentException for any other name
         */
        public static Monitor of(String id) {
            for (Monitor monitor : values()) {
                if (monitor.id.equals(id)) {
                    return monitor;
                }
            }
            throw new IllegalArgumentException("unknown monitor '" + id + "' (expected loss or accuracy)");
        }
    }

    /**
     * Checks the components.
     *
     * @param monitor the validation figure watched
     * @param patience epochs without improvement before stopping; 0 never stops
     * @param minDelta how much the figure must improve on the best so far to count (loss in nats, accuracy as a fraction)
     * @param restoreBest end with the best epoch's weights, whether the run stopped early or ran to its last epoch
     * @throws IllegalArgumentException if {@code monitor} is null, {@code patience} negative, or
     *                                  {@code minDelta} negative or not finite
     */
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

    /**
     * Watches validation accuracy with {@code patience}, any improvement counting, and restores the best.
     *
     * @param patience epochs without improvement before stopping, at least 0
     * @return the early stopping
     * @throws IllegalArgumentException if {@code patience} is negative
     */
    public static EarlyStopping onAccuracy(int patience) {
        return new EarlyStopping(Monitor.ACCURACY, patience, 0, true);
    }

    /** @return whether this stops early or restores the best weights */
    public boolean isActive() {
        return patience > 0 || restoreBest;
    }

    /**
     * Whether {@code score} beats {@code best} by more than {@code minDelta}; any finite score beats a first NaN.
     *
     * @param score this epoch's figure
     * @param best  the best so far, NaN before the first
     * @return whether it counts as an improvement
     */
    public boolean improves(double score, double best) {
        if (Double.isNaN(best)) {
            return !Double.isNaN(score);
        }
        return monitor == Monitor.LOSS ? score < best - minDelta : score > best + minDelta;
    }
}

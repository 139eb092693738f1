package io.github.perceptron.core.optim;

/**
 * How the learning rate moves over training. {@code epoch} is fractional and counts from 0 (1.5 is
 * half-way through the second epoch), so rates change smoothly step by step.
 */
public sealed interface LearningRateSchedule
        permits LearningRateSchedule.Constant, LearningRateSchedule.StepDecay, LearningRateSchedule.Cosine,
        LearningRateSchedule.Warmup {

    /**
     * The learning rate at {@code epoch} of {@code totalEpochs}, given the optimiser's {@code base}
     * rate. The total may be fractional: what a warm-up leaves of the run.
     *
     * @param base        the optimiser's base rate
     * @param epoch       the fractional epoch, from 0
     * @param totalEpochs the epochs the schedule spans
     * @return the rate, never above {@code base}
     */
    double rate(double base, double epoch, double totalEpochs);

    /**
     * The name model files and {@code info --json} give this kind of schedule.
     *
     * @return {@code constant}, {@code step-decay}, {@code cosine} or {@code warmup}
     */
    String id();

    /** The base rate throughout. */
    record Constant() implements LearningRateSchedule {
        @Override
        public String id() {
            return "constant";
        }

        @Override
        public double rate(double base, double epoch, double totalEpochs) {
            return base;
        }
    }

    /** Multiplies the rate by {@code factor} every {@code everyEpochs} whole epochs. */
    record StepDecay(int everyEpochs, double factor) implements LearningRateSchedule {
        /**
         * Checks the components.
         *
         * @param everyEpochs whole epochs between decays, at least 1
         * @param factor the multiplier, positive (0.5 halves the rate)
         * @throws IllegalArgumentException if {@code everyEpochs} is below 1 or {@code factor} is not positive and finite
         */
        public StepDecay {
            if (everyEpochs < 1) {
                throw new IllegalArgumentException("step decay interval must be >= 1 epoch, was " + everyEpochs);
            }
            Checks.positive("step decay factor", factor);
        }

        @Override
        public String id() {
            return "step-decay";
        }

        @Override
        public double rate(double base, double epoch, double totalEpochs) {
            return base * StrictMath.pow(factor, Math.floor(epoch / everyEpochs));
        }
    }

    /** Half a cosine from the base rate down to {@code base·finalFraction} at the end of training. */
    record Cosine(double finalFraction) implements LearningRateSchedule {
        /**
         * Checks the fraction.
         *
         * @param finalFraction the share of the base rate left at the end, in [0, 1]
         * @throws IllegalArgumentException if {@code finalFraction} is outside [0, 1]
         */
        public Cosine {
            if (!(finalFraction >= 0 && finalFraction <= 1)) {
                throw new IllegalArgumentException("cosine final fraction must be in [0, 1], was " + finalFraction);
            }
        }

        @Override
        public String id() {
            return "cosine";
        }

        @Override
        public double rate(double base, double epoch, double totalEpochs) {
            double progress = totalEpochs <= 0 ? 1 : Math.min(1, epoch / totalEpochs);
            double low = base * finalFraction;
            return low + (base - low) * 0.5 * (1 + StrictMath.cos(Math.PI * progress));
        }
    }

    /** Rises linearly from 0 over the first {@code epochs}, then follows {@code then} (on the remaining epochs). */
    record Warmup(double epochs, LearningRateSchedule then) implements LearningRateSchedule {
        /**
         * Checks the components.
         *
         * @param epochs the warm-up's length in epochs, positive (fractional allowed)
         * @param then the schedule after it: constant, step decay or cosine
         * @throws IllegalArgumentException if {@code epochs} is not positive and finite, or {@code then} is null or another warm-up
         */
        public Warmup {
            Checks.positive("warm-up epochs", epochs);
            if (then == null || then instanceof Warmup) {
                throw new IllegalArgumentException("warm-up must be followed by a constant, step or cosine schedule");
            }
        }

        @Override
        public String id() {
            return "warmup";
        }

        @Override
        public double rate(double base, double epoch, double totalEpochs) {
            if (epoch < epochs) {
                return base * epoch / epochs;
            }
            // The epochs left exactly, not rounded: after a warm-up of 0.5 epochs a cosine must
            // still reach its final rate at the end of the run.
            return then.rate(base, epoch - epochs, totalEpochs - epochs);
        }
    }
}

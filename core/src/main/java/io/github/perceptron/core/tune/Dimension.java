package io.github.perceptron.core.tune;

import io.github.perceptron.core.random.SeededRandom;
import java.util.List;
import java.util.Locale;

/** The values one searched field may take; each value is the text the field's command-line option takes. */
public sealed interface Dimension {

    /** A value drawn from {@code random}. */
    String draw(SeededRandom random);

    /** Whether a grid can list every value. */
    boolean isFinite();

    /** One of a list of values, each equally likely. */
    record Choice(List<String> values) implements Dimension {
        public Choice {
            if (values == null || values.isEmpty()) {
                throw new IllegalArgumentException("a choice needs at least one value");
            }
            values = List.copyOf(values);
        }

        @Override
        public String draw(SeededRandom random) {
            return values.get(random.nextInt(values.size()));
        }

        @Override
        public boolean isFinite() {
            return true;
        }
    }

    /**
     * A number between {@code low} and {@code high} whose logarithm is uniform: for learning rates
     * and decays, which matter by their order of magnitude. Drawn values keep four significant
     * digits, so the value a trial reports is the value it used.
     */
    record LogUniform(double low, double high) implements Dimension {
        public LogUniform {
            if (!(low > 0) || !(high >= low) || Double.isInfinite(high)) {
                throw new IllegalArgumentException("a log-uniform range needs 0 < low <= high, was " + low + ".." + high);
            }
        }

        @Override
        public String draw(SeededRandom random) {
            return fourDigits(StrictMath.exp(StrictMath.log(low) + random.nextDouble() * (StrictMath.log(high) - StrictMath.log(low))));
        }

        @Override
        public boolean isFinite() {
            return false;
        }
    }

    /** A number between {@code low} and {@code high}, uniformly; four significant digits. */
    record Uniform(double low, double high) implements Dimension {
        public Uniform {
            if (!(high >= low) || Double.isInfinite(low) || Double.isInfinite(high)) {
                throw new IllegalArgumentException("a uniform range needs low <= high, was " + low + ".." + high);
            }
        }

        @Override
        public String draw(SeededRandom random) {
            return fourDigits(low + random.nextDouble() * (high - low));
        }

        @Override
        public boolean isFinite() {
            return false;
        }
    }

    private static String fourDigits(double value) {
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.4g", value)).stripTrailingZeros().toPlainString();
    }
}

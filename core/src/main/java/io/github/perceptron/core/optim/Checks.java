package io.github.perceptron.core.optim;

/** Argument checks whose messages name the bad value. */
final class Checks {

    private Checks() {
    }

    static void positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a positive number, was " + value);
        }
    }

    static void fraction(String name, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1), was " + value);
        }
    }
}

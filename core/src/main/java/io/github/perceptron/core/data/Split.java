package io.github.perceptron.core.data;

/** Which part of a dataset to load. */
public enum Split {
    /** The examples to learn from (60,000 for MNIST). */
    TRAIN,
    /** The held-out examples to report on (10,000 for MNIST); never used to choose settings. */
    TEST
}

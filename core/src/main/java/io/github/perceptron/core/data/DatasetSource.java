package io.github.perceptron.core.data;

/**
 * Supplies labelled images. Implementations own formats and I/O (IDX files, CSV, image folders,
 * a database...) and report unreadable data with a {@link DatasetException} naming what is wrong.
 */
public interface DatasetSource {

    /** All examples of {@code split}. */
    LabelledImages load(Split split);

    /** A short human-readable name, such as {@code "mnist (/home/me/.cache/perceptron/mnist)"}. */
    String describe();
}

package io.github.perceptron.core.data;

/**
 * Supplies labelled images. Implementations own formats and I/O (IDX files, CSV, image folders,
 * a database...) and report unreadable data with a {@link DatasetException} naming what is wrong.
 */
public interface DatasetSource {

    /**
     * All examples of {@code split}.
     *
     * Called on the training thread, once per split a training uses; a source used by several
     * trainings at once must allow concurrent calls.
     *
     * @param split which split
     * @return its images, with their labels and class names
     * @throws DatasetException if the data cannot be read or is malformed
     */
    LabelledImages load(Split split);

    /**
     * A short human-readable name, such as {@code "mnist (/home/me/.cache/perceptron/mnist)"}.
     *
     * @return the description, one line
     */
    String describe();
}

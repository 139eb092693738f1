package io.github.perceptron.cli.tune;

import io.github.perceptron.core.tune.SearchSpace;
import io.github.perceptron.core.tune.TrialJournal;
import java.nio.file.Path;

/**
 * The files a search reads and keeps, in whatever format the composition root chose (the
 * persistence adapter's JSON): the search space given with {@code --space}, and the journal that
 * lets a killed search resume.
 */
public interface SearchFiles {

    /** The search space in {@code file}; a bad file is refused in one line naming it and the field. */
    SearchSpace space(Path file);

    /** The journal in {@code file} of the search {@code identity} describes (a journal of another search is refused). */
    TrialJournal journal(Path file, String identity);
}

package io.github.perceptron.cli.tune;

import io.github.perceptron.core.tune.SearchSpace;
import io.github.perceptron.core.tune.TrialJournal;
import java.nio.file.Path;
import java.util.function.Consumer;

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

    /**
     * Holds {@code directory} for this search alone until closed: a second search on it is refused
     * in one line naming the holder, and a lock its holder never released (a kill) is taken over,
     * with a line to {@code notices}.
     */
    Lock lock(Path directory, Consumer<String> notices);

    /** A held directory; closing releases it. */
    interface Lock extends AutoCloseable {
        @Override
        void close();
    }
}

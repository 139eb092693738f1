package io.github.perceptron.cli.planted;

import io.github.perceptron.core.tune.TrialJournal;
import io.github.perceptron.persistence.AtomicFiles;
import io.github.perceptron.persistence.JsonTrialJournal;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A planted violation (test sources only): a command that builds its own adapter instead of
 * having it injected, and writes a report through the persistence adapter instead of its port.
 */
public class CommandBuildingItsAdapters {

    public TrialJournal journal(Path file) {
        return new JsonTrialJournal(file, "search");
    }

    public void report(Path file) throws IOException {
        AtomicFiles.replace(file, out -> out.write(1));
    }
}

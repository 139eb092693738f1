package io.github.perceptron.cli.train;

import io.github.perceptron.cli.common.CommandFailure;
import io.github.perceptron.cli.files.OutputChecks;
import io.github.perceptron.core.model.Model;
import io.github.perceptron.core.model.ModelStore;
import io.github.perceptron.core.model.ModelStoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Saves a freshly trained model. When the chosen file cannot be written after all (the disk filled
 * up during training, say), the model goes to a new temporary directory instead, so that hours of
 * training are not lost, and the run still fails, naming both files.
 */
public final class RescuingSave {

    /** Makes a new, empty directory for a rescued model. */
    interface RescueDirectory {
        Path create() throws IOException;
    }

    private final ModelStore store;
    private final RescueDirectory rescueDirectory;

    public RescuingSave(ModelStore store) {
        this(store, () -> Files.createTempDirectory("perceptron-rescued-"));
    }

    RescuingSave(ModelStore store, RescueDirectory rescueDirectory) {
        this.store = store;
        this.rescueDirectory = rescueDirectory;
    }

    public void save(Model model, Path target) {
        try {
            store.save(model, target);
        } catch (ModelStoreException failure) {
            throw new CommandFailure(failure.getMessage() + "; " + rescue(model, target));
        }
    }

    private String rescue(Model model, Path target) {
        Path directory = null;
        try {
            directory = rescueDirectory.create();
            Path copy = directory.resolve(target.getFileName());
            store.save(model, copy);
            return "the trained model was saved to " + copy + " instead";
        } catch (IOException | ModelStoreException e) {
            deleteQuietly(directory);
            Exception cause = e.getCause() instanceof IOException io ? io : e;
            return "a copy in " + (directory != null ? directory : "a temporary directory") + " failed too ("
                    + OutputChecks.reason(cause) + "): the trained model is lost";
        }
    }

    /** An empty rescue directory would only puzzle whoever finds it. */
    private static void deleteQuietly(Path directory) {
        try {
            if (directory != null) {
                Files.deleteIfExists(directory);
            }
        } catch (IOException ignored) {
            // Not empty or not ours to delete: leave it.
        }
    }
}

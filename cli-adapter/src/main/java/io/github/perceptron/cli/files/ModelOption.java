package io.github.perceptron.cli.files;

import io.github.perceptron.core.model.Model;
import io.github.perceptron.core.model.ModelStore;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code -m/--model FILE}, the saved model that evaluate, info and predict read. */
public final class ModelOption {

    @Option(names = {"-m", "--model"}, paramLabel = "FILE", required = true, description = "The saved model.")
    Path file;

    public Path file() {
        return file;
    }

    public Model load(ModelStore store) {
        return store.load(file);
    }
}

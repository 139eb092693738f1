package io.github.perceptron.core.testing;

import io.github.perceptron.core.model.Model;
import io.github.perceptron.core.model.ModelStore;
import io.github.perceptron.core.model.ModelStoreException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A model store in a map: the fake for tests. Saves a deep copy, as a file would. */
public final class InMemoryModelStore implements ModelStore {

    private final Map<Path, Model> models = new HashMap<>();

    @Override
    public void save(Model model, Path location) {
        List<float[]> values = model.weights();
        models.put(location, Model.restore(model.spec(), values, model.width(), model.height(), model.classNames(),
                model.metadata()));
    }

    @Override
    public Model load(Path location) {
        Model model = models.get(location);
        if (model == null) {
            throw new ModelStoreException(location + ": file not found");
        }
        return model;
    }
}

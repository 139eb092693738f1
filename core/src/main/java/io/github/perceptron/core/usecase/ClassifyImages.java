package io.github.perceptron.core.usecase;

import io.github.perceptron.core.model.Model;
import io.github.perceptron.core.model.ModelStore;
import io.github.perceptron.core.model.Prediction;
import java.nio.file.Path;
import java.util.List;

/** Use case: load a stored model and classify images given as {@code [0,1]} pixel arrays. */
public final class ClassifyImages {

    private final ModelStore store;

    public ClassifyImages(ModelStore store) {
        this.store = store;
    }

    public List<Prediction> classify(Path model, List<float[]> images) {
        Model loaded = store.load(model);
        return images.stream().map(loaded::predict).toList();
    }
}

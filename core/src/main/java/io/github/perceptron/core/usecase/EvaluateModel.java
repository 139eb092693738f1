package io.github.perceptron.core.usecase;

import io.github.perceptron.core.data.DatasetSource;
import io.github.perceptron.core.data.Split;
import io.github.perceptron.core.eval.Evaluation;
import io.github.perceptron.core.model.Model;
import io.github.perceptron.core.model.ModelStore;
import java.nio.file.Path;

/** Use case: load a stored model and measure it on a dataset's test split. */
public final class EvaluateModel {

    private final ModelStore store;

    public EvaluateModel(ModelStore store) {
        this.store = store;
    }

    public Evaluation evaluate(Path model, DatasetSource source) {
        Model loaded = store.load(model);
        return loaded.evaluate(source.load(Split.TEST));
    }
}

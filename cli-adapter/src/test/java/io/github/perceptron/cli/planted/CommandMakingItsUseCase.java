package io.github.perceptron.cli.planted;

import io.github.perceptron.core.model.ModelStore;
import io.github.perceptron.core.usecase.EvaluateModel;

/** A planted violation (test sources only): a command that makes its use case instead of having it injected. */
public class CommandMakingItsUseCase {

    public EvaluateModel evaluation(ModelStore store) {
        return new EvaluateModel(store);
    }
}

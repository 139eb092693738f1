package io.github.perceptron.cli.planted;

import io.github.perceptron.core.data.DatasetSource;
import io.github.perceptron.core.usecase.TrainModel;

/** A planted violation (test sources only): a command that makes its use case instead of having it injected. */
public class CommandMakingItsUseCase {

    public TrainModel training(DatasetSource source) {
        return new TrainModel(source);
    }
}

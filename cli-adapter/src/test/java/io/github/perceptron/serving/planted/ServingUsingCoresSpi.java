package io.github.perceptron.serving.planted;

import io.github.perceptron.core.batch.BatchAssembler;
import io.github.perceptron.core.random.SeededRandom;
import io.github.perceptron.core.trainer.Trainer;
import io.github.perceptron.core.tune.SearchSpace;

/**
 * A planted violation (test sources only): an adapter reaching what core's module exports to
 * others only (the search, the trainer, the generator) or to nobody (batch assembly).
 */
public class ServingUsingCoresSpi {
    public Class<?> search = SearchSpace.class;
    public Class<?> trainer = Trainer.class;
    public Class<?> generator = SeededRandom.class;
    public Class<?> batches = BatchAssembler.class;
}

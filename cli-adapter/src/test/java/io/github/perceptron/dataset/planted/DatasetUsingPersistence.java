package io.github.perceptron.dataset.planted;

import io.github.perceptron.persistence.JsonModelStore;

/** A planted violation (test sources only): one adapter using another. */
public class DatasetUsingPersistence {
    public Class<?> other = JsonModelStore.class;
}

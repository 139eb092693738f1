package io.github.perceptron.persistence.planted;

import com.google.inject.Injector;
import io.github.perceptron.dataset.DatasetFetcher;

/** A planted violation (test sources only): an adapter using another adapter and the wiring library. */
public class PersistenceUsingDatasetAndGuice {
    public Class<?> other = DatasetFetcher.class;
    public Class<?> wiring = Injector.class;
}

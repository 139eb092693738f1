package io.github.perceptron.serving.planted;

import io.github.perceptron.dataset.DigitImages;
import jakarta.inject.Inject;

/** A planted violation (test sources only): the serving adapter using another adapter and wiring annotations. */
public class ServingUsingDatasetAndGuice {
    public Class<?> images = DigitImages.class;

    @Inject
    public ServingUsingDatasetAndGuice() {
    }
}

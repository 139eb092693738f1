package io.github.perceptron.dataset;

import io.github.perceptron.core.data.LabelledImages;
import java.util.List;

/** Class names of the datasets perceptron knows. */
final class ClassNames {

    static final List<String> DIGITS = LabelledImages.numberedClasses(10);

    static final List<String> FASHION = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private ClassNames() {
    }
}

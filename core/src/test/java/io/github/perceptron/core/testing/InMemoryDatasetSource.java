package io.github.perceptron.core.testing;

import io.github.perceptron.core.data.DatasetSource;
import io.github.perceptron.core.data.LabelledImages;
import io.github.perceptron.core.data.Split;

/** A dataset source over images already in memory: the fake for tests and embedding examples. */
public record InMemoryDatasetSource(LabelledImages train, LabelledImages test) implements DatasetSource {

    @Override
    public LabelledImages load(Split split) {
        return split == Split.TRAIN ? train : test;
    }

    @Override
    public String describe() {
        return "in-memory (" + train.size() + " train, " + test.size() + " test)";
    }
}

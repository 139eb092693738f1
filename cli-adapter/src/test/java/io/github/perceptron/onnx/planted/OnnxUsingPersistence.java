package io.github.perceptron.onnx.planted;

import io.github.perceptron.persistence.JsonModelStore;

/** A planted violation (test sources only): the ONNX adapter reaching into the JSON one. */
public class OnnxUsingPersistence {
    public Class<?> json = JsonModelStore.class;
}

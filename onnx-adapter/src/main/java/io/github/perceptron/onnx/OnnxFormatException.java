package io.github.perceptron.onnx;

import io.github.perceptron.core.model.ModelStoreException;

/** An ONNX file that cannot be read, or describes a graph perceptron does not support. */
public final class OnnxFormatException extends ModelStoreException {

    private static final long serialVersionUID = 1L;

    public OnnxFormatException(String message) {
        super(message);
    }
}

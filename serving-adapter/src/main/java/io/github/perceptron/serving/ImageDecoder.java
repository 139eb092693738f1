package io.github.perceptron.serving;

/** Turns an uploaded image into the model's input: {@code width×height} values in [0,1], normalised as at training. */
@FunctionalInterface
public interface ImageDecoder {

    /**
     * @param encoded the request body (PNG, JPEG, ...)
     * @throws RuntimeException with a one-line message when the bytes are not a usable image; the
     *                          server answers 400 with that message
     */
    float[] decode(byte[] encoded, int width, int height);
}

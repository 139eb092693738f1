package io.github.perceptron.core.model;

/** Refuses an image that is not a model's input: the wrong length, or a value outside [0,1]. */
final class PixelCheck {

    private PixelCheck() {
    }

    /**
     * Checks {@code pixels} holds {@code inputs} values in {@code [0,1]}; {@code where} prefixes the
     * message ("image 3: ", or nothing for a single image).
     */
    static void check(float[] pixels, int inputs, String where) {
        if (pixels.length != inputs) {
            throw new IllegalArgumentException(where + "expected " + inputs + " pixels, got " + pixels.length);
        }
        for (int i = 0; i < pixels.length; i++) {
            float value = pixels[i];
            if (!(value >= 0f && value <= 1f)) {  // written so that NaN fails it too
                throw new IllegalArgumentException(where + "pixel " + i + " is " + value
                        + ", outside [0, 1]: pixels are scaled so that 0 is the background and 1 the ink");
            }
        }
    }
}

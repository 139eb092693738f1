package io.github.perceptron.core.values;

import io.github.perceptron.core.kernel.KernelChoice;

/** Refuses an image that is not a model's input: the wrong length, or a value outside [0,1]. */
public final class PixelCheck {

    private PixelCheck() {
    }

    /**
     * Checks {@code pixels} holds {@code inputs} values in {@code [0,1]}; {@code where} prefixes the
     * message ("image 3: ", or nothing for a single image).
     */
    public static void check(float[] pixels, int inputs, String where) {
        if (pixels.length != inputs) {
            throw new IllegalArgumentException(where + "expected " + inputs + " pixels, got " + pixels.length);
        }
        if (!KernelChoice.inUnitRange(pixels)) {  // vectorised: the search below runs only on a refusal
            for (int i = 0; i < pixels.length; i++) {
                float value = pixels[i];
                if (!(value >= 0f && value <= 1f)) {  // written so that NaN fails it too
                    throw new IllegalArgumentException(where + "pixel " + i + " is " + value
                            + ", outside [0, 1]: pixels are scaled so that 0 is the background and 1 the ink");
                }
            }
        }
    }
}

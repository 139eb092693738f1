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
        if (anyOutsideRange(pixels)) {
            for (int i = 0; i < pixels.length; i++) {
                float value = pixels[i];
                if (!(value >= 0f && value <= 1f)) {  // written so that NaN fails it too
                    throw new IllegalArgumentException(where + "pixel " + i + " is " + value
                            + ", outside [0, 1]: pixels are scaled so that 0 is the background and 1 the ink");
                }
            }
        }
    }

    /**
     * Whether a value is not in [0,1], in one branch-free pass the JIT can vectorise (a prediction is
     * tens of microseconds; a compare and branch per pixel cost a few percent of it). Positive floats
     * order as their bits: [0,1] is bits 0 to 0x3f800000; NaN and +∞ are above it, and every negative
     * value has the sign bit, which the OR carries into the result's sign (-0 is made +0 first).
     */
    private static boolean anyOutsideRange(float[] pixels) {
        int outside = 0;
        for (float pixel : pixels) {
            int bits = Float.floatToRawIntBits(pixel + 0f);  // -0 + 0 is +0; nothing else changes
            outside |= (ONE - bits) | bits;
        }
        return outside < 0;
    }

    private static final int ONE = Float.floatToRawIntBits(1f);
}

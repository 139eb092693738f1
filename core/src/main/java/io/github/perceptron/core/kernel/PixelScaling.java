package io.github.perceptron.core.kernel;

/**
 * Unsigned bytes (0–255) to floats in {@code [0,1]}: each value is {@code (b & 0xff) · (1f/255f)},
 * one float multiply, so every implementation gives the same bits.
 */
interface PixelScaling {

    float UNIT = 1f / 255f;

    void scale(byte[] pixels, int from, float[] target, int offset, int count);

    /** The scalar loop: C2 does not vectorise a byte-to-float conversion (JDK 17). */
    final class Portable implements PixelScaling {
        @Override
        public void scale(byte[] pixels, int from, float[] target, int offset, int count) {
            for (int p = 0; p < count; p++) {
                target[offset + p] = (pixels[from + p] & 0xff) * UNIT;
            }
        }
    }
}

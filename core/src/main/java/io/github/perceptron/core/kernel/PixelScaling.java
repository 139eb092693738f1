package io.github.perceptron.core.kernel;

/**
 * Unsigned bytes (0–255) to floats in {@code [0,1]}: each value is {@code (b & 0xff) · (1f/255f)},
 * one float multiply, so every implementation gives the same bits. And the check that floats given
 * as pixels are in {@code [0,1]}.
 */
interface PixelScaling {

    float UNIT = 1f / 255f;

    void scale(byte[] pixels, int from, float[] target, int offset, int count);

    /** Whether every value is in {@code [0,1]} (-0 included, NaN not). */
    boolean inUnitRange(float[] values);

    /** The scalar loop: C2 does not vectorise a byte-to-float conversion (JDK 17). */
    final class Portable implements PixelScaling {
        @Override
        public void scale(byte[] pixels, int from, float[] target, int offset, int count) {
            for (int p = 0; p < count; p++) {
                target[offset + p] = (pixels[from + p] & 0xff) * UNIT;
            }
        }

        @Override
        public boolean inUnitRange(float[] values) {
            return inUnitRange(values, 0);
        }

        /** Values {@code [from, length)}: the loop C2 runs at about two values a nanosecond. */
        static boolean inUnitRange(float[] values, int from) {
            for (int i = from; i < values.length; i++) {
                if (!(values[i] >= 0f && values[i] <= 1f)) {  // written so that NaN fails it too
                    return false;
                }
            }
            return true;
        }
    }
}

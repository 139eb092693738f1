package io.github.perceptron.core.kernel;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link PixelScaling} on the Vector API: a quarter-width vector of bytes widened to ints, masked
 * to unsigned, converted and scaled. Gathering a batch was a third of a small network's epoch with
 * the scalar loop. Uses the products' float species only (see {@link VectorRowProduct}).
 */
final class VectorPixelScaling implements PixelScaling {

    private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Byte> BYTES =
            VectorSpecies.of(byte.class, VectorShape.forBitSize(FLOATS.vectorBitSize() / 4));
    private static final int W = FLOATS.length();

    private final PixelScaling tail = new PixelScaling.Portable();

    @Override
    public void scale(byte[] pixels, int from, float[] target, int offset, int count) {
        int p = 0;
        for (; p + W <= count; p += W) {
            IntVector ints = (IntVector) ByteVector.fromArray(BYTES, pixels, from + p)
                    .convertShape(VectorOperators.B2I, INTS, 0);
            ((FloatVector) ints.and(0xff).convertShape(VectorOperators.I2F, FLOATS, 0))
                    .mul(UNIT)
                    .intoArray(target, offset + p);
        }
        tail.scale(pixels, from + p, target, offset + p, count - p);
    }
}

package io.github.perceptron.core.testing;

import io.github.perceptron.core.random.SeededRandom;
import java.util.Arrays;
import java.util.List;

/**
 * A seeded mutation fuzzer's input generator: from valid seed inputs, makes broken variants by
 * flipping bits, overwriting bytes with boundary values, overwriting 32-bit big-endian fields
 * (IDX headers) with extreme numbers, inserting, deleting, duplicating and truncating. The same
 * seed gives the same inputs, so a failure reproduces from its index.
 */
public final class Mutator {

    private static final byte[] BOUNDARY_BYTES = {0, 1, (byte) 0x7f, (byte) 0x80, (byte) 0xff, '-', '9', ',', '"', '{', '}'};
    private static final int[] BOUNDARY_INTS = {0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 0x7fff, 0x10000, 28, 784};

    private final List<byte[]> seeds;
    private final SeededRandom random;

    public Mutator(List<byte[]> seeds, long seed) {
        this.seeds = List.copyOf(seeds);
        this.random = new SeededRandom(seed);
    }

    /** The next input: a seed with one to four mutations. */
    public byte[] next() {
        byte[] input = seeds.get(random.nextInt(seeds.size())).clone();
        int mutations = 1 + random.nextInt(4);
        for (int m = 0; m < mutations; m++) {
            input = mutate(input);
        }
        return input;
    }

    private byte[] mutate(byte[] input) {
        if (input.length == 0) {
            return new byte[] {BOUNDARY_BYTES[random.nextInt(BOUNDARY_BYTES.length)]};
        }
        int at = random.nextInt(input.length);
        switch (random.nextInt(7)) {
            case 0 -> input[at] ^= (byte) (1 << random.nextInt(8));
            case 1 -> input[at] = BOUNDARY_BYTES[random.nextInt(BOUNDARY_BYTES.length)];
            case 2 -> {
                // Header fields are 32-bit big-endian at multiples of 4.
                int field = Math.min((at / 4) * 4, Math.max(0, input.length - 4));
                int value = BOUNDARY_INTS[random.nextInt(BOUNDARY_INTS.length)];
                for (int b = 0; b < 4 && field + b < input.length; b++) {
                    input[field + b] = (byte) (value >>> (24 - 8 * b));
                }
            }
            case 3 -> {
                return Arrays.copyOf(input, at);
            }
            case 4 -> {
                int length = 1 + random.nextInt(Math.min(64, input.length - at));
                byte[] out = new byte[input.length - length];
                System.arraycopy(input, 0, out, 0, at);
                System.arraycopy(input, at + length, out, at, input.length - at - length);
                return out;
            }
            case 5 -> {
                int length = 1 + random.nextInt(Math.min(64, input.length - at));
                byte[] out = new byte[input.length + length];
                System.arraycopy(input, 0, out, 0, at + length);
                System.arraycopy(input, at, out, at + length, input.length - at);
                return out;
            }
            default -> {
                byte[] out = Arrays.copyOf(input, input.length + 1);
                System.arraycopy(input, at, out, at + 1, input.length - at);
                out[at] = (byte) random.nextInt(256);
                return out;
            }
        }
        return input;
    }
}

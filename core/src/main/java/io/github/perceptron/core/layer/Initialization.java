package io.github.perceptron.core.layer;

import java.util.Arrays;
import java.util.Locale;
import java.util.random.RandomGenerator;

/** How a dense layer's weights and biases start. */
public enum Initialization {
    /** Weights and biases from N(0, 1): the notebooks' choice, kept to reproduce them. */
    NORMAL {
        @Override
        public void fill(float[] weights, float[] biases, int inputs, int outputs, RandomGenerator random) {
            gaussian(weights, 1.0, random);
            gaussian(biases, 1.0, random);
        }
    },
    /** Glorot and Bengio (2010): uniform in ±√(6/(in+out)), biases zero. Suits sigmoid and tanh. */
    XAVIER {
        @Override
        public void fill(float[] weights, float[] biases, int inputs, int outputs, RandomGenerator random) {
            double limit = Math.sqrt(6.0 / (inputs + outputs));
            for (int i = 0; i < weights.length; i++) {
                weights[i] = (float) ((2 * random.nextDouble() - 1) * limit);
            }
            Arrays.fill(biases, 0f);
        }
    },
    /** He et al. (2015): N(0, 2/in), biases zero. Suits ReLU. */
    HE {
        @Override
        public void fill(float[] weights, float[] biases, int inputs, int outputs, RandomGenerator random) {
            gaussian(weights, Math.sqrt(2.0 / inputs), random);
            Arrays.fill(biases, 0f);
        }
    };

    /**
     * Draws a layer's {@code weights[inputs×outputs]} and {@code biases[outputs]} from {@code random}.
     *
     * @param weights {@code inputs × outputs} values, row-major by input, overwritten
     * @param biases  {@code outputs} values, overwritten
     * @param inputs  the layer's inputs (the fan-in)
     * @param outputs the layer's outputs (the fan-out)
     * @param random  the run's generator; the draws follow a fixed order, so the same seed gives the same weights
     */
    public abstract void fill(float[] weights, float[] biases, int inputs, int outputs, RandomGenerator random);

    /**
     * He for ReLU, Xavier otherwise.
     *
     * @param activation the layer's activation
     * @return the initialisation
     */
    public static Initialization suitedTo(Activation activation) {
        return activation == Activation.RELU ? HE : XAVIER;
    }

    /** @return the lower-case name used on the command line and in model files */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The initialisation named {@code id} (case-insensitive).
     *
     * @param id a name as {@link #id()} gives it
     * @return the initialisation
     * @throws IllegalArgumentException if none has that name, listing the valid names
     */
    public static Initialization fromId(String id) {
        for (Initialization init : values()) {
            if (init.id().equalsIgnoreCase(id)) {
                return init;
            }
        }
        throw new IllegalArgumentException("unknown initialisation '" + id + "', expected one of "
                + Arrays.stream(values()).map(Initialization::id).toList());
    }

    private static void gaussian(float[] values, double sd, RandomGenerator random) {
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (random.nextGaussian() * sd);
        }
    }
}

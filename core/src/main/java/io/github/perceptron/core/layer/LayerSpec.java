package io.github.perceptron.core.layer;

/** An immutable description of a hidden layer; the network builds the trainable layer from it. */
public sealed interface LayerSpec permits LayerSpec.Dense, LayerSpec.Dropout {

    /**
     * The width this layer outputs given the width it receives.
     *
     * @param inputs the width the layer receives
     * @return the width it outputs
     */
    int outputs(int inputs);

    /** A dense layer of {@code units} with an element-wise activation. */
    record Dense(int units, Activation activation) implements LayerSpec {
        /**
         * Checks the components.
         *
         * @param units the layer's width, at least 1
         * @param activation an element-wise activation
         * @throws IllegalArgumentException if {@code units} is below 1 or {@code activation} is null
         */
        public Dense {
            if (units < 1) {
                throw new IllegalArgumentException("dense units must be >= 1, was " + units);
            }
            if (activation == null) {
                throw new IllegalArgumentException("dense activation must be given");
            }
        }

        @Override
        public int outputs(int inputs) {
            return units;
        }
    }

    /** Inverted dropout dropping each unit with probability {@code rate} during training. */
    record Dropout(double rate) implements LayerSpec {
        /**
         * Checks the rate.
         *
         * @param rate the probability of dropping each unit in training, in [0, 1)
         * @throws IllegalArgumentException if {@code rate} is outside [0, 1)
         */
        public Dropout {
            if (!(rate >= 0 && rate < 1)) {
                throw new IllegalArgumentException("dropout rate must be in [0, 1), was " + rate);
            }
        }

        @Override
        public int outputs(int inputs) {
            return inputs;
        }
    }
}

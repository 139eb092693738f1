package io.github.perceptron.core.layer;

/** An immutable description of a hidden layer; the network builds the trainable layer from it. */
public sealed interface LayerSpec permits LayerSpec.Dense, LayerSpec.Dropout {

    /** The width this layer outputs given the width it receives. */
    int outputs(int inputs);

    /** A dense layer of {@code units} with an element-wise activation. */
    record Dense(int units, Activation activation) implements LayerSpec {
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

package io.github.perceptron.core.layer;

import io.github.perceptron.core.kernel.MatrixKernel;
import java.util.random.RandomGenerator;

/** An immutable description of a hidden layer; {@link #build} makes the trainable layer. */
public sealed interface LayerSpec permits LayerSpec.Dense, LayerSpec.Dropout {

    /** The width this layer outputs given the width it receives. */
    int outputs(int inputs);

    /** A new layer taking {@code inputs} values per row, initialised from {@code random}. */
    Layer build(int inputs, Initialization init, RandomGenerator random, MatrixKernel kernel);

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

        @Override
        public Layer build(int inputs, Initialization init, RandomGenerator random, MatrixKernel kernel) {
            DenseLayer layer = new DenseLayer(inputs, units, activation, kernel);
            init.fill(layer.weights().values(), layer.biases().values(), inputs, units, random);
            return layer;
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

        @Override
        public Layer build(int inputs, Initialization init, RandomGenerator random, MatrixKernel kernel) {
            return new DropoutLayer(inputs, rate, kernel.threads());
        }
    }
}

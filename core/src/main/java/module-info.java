/**
 * perceptron's domain: networks, their layers, losses and optimisers, training, evaluation and
 * tuning, and the ports through which adapters bring data and models in and out.
 *
 * <p>Every package is exported but {@code kernel}, the matrix products and the pixel scaling
 * behind the layers. The Vector API is optional ({@code requires static}): without
 * {@code --add-modules jdk.incubator.vector} the portable kernel runs, with the same bits.
 */
module io.github.perceptron.core {
    requires static jdk.incubator.vector;
    requires java.management;
    requires static jdk.management;

    exports io.github.perceptron.core.augment;
    exports io.github.perceptron.core.data;
    exports io.github.perceptron.core.eval;
    exports io.github.perceptron.core.layer;
    exports io.github.perceptron.core.loss;
    exports io.github.perceptron.core.model;
    exports io.github.perceptron.core.network;
    exports io.github.perceptron.core.optim;
    exports io.github.perceptron.core.parallel to io.github.perceptron.cli, io.github.perceptron.spark,
            io.github.perceptron.sparkcli;
    exports io.github.perceptron.core.random;
    exports io.github.perceptron.core.train;
    exports io.github.perceptron.core.trainer to io.github.perceptron.cli;
    exports io.github.perceptron.core.tune;
    exports io.github.perceptron.core.usecase;
}

/**
 * perceptron's domain: networks, their layers, losses and optimisers, training, evaluation and
 * tuning, and the ports through which adapters bring data and models in and out.
 *
 * <p>Three kinds of package (docs/architecture.md lists every type):
 * <ul>
 *   <li>the API, exported to everyone: what an embedder trains, saves, loads and predicts with,
 *       and the ports it may implement;</li>
 *   <li>the SPI, exported only to the adapters that need it: the command line's runs
 *       ({@code run}: checkpointed, resumed, data-parallel), checkpoints and the state a run
 *       resumes from ({@code checkpoint}), the search ({@code tune}), data-parallel training
 *       ({@code parallel}), the trainer and the network engine ({@code trainer}, {@code engine},
 *       for {@code bench}), the generator ({@code random}, for synthetic data), the digest of
 *       images in parts ({@code digest});</li>
 *   <li>internals, exported to nobody: the matrix kernel ({@code kernel}) and batch assembly and
 *       distortion ({@code batch}).</li>
 * </ul>
 * The Vector API is optional ({@code requires static}): without
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
    exports io.github.perceptron.core.train;
    exports io.github.perceptron.core.usecase;

    exports io.github.perceptron.core.checkpoint to io.github.perceptron.persistence, io.github.perceptron.cli,
            io.github.perceptron.spark, io.github.perceptron.sparkcli;
    exports io.github.perceptron.core.digest to io.github.perceptron.dataset;
    exports io.github.perceptron.core.engine to io.github.perceptron.cli;
    exports io.github.perceptron.core.parallel to io.github.perceptron.cli, io.github.perceptron.spark,
            io.github.perceptron.sparkcli;
    exports io.github.perceptron.core.random to io.github.perceptron.dataset;
    exports io.github.perceptron.core.run to io.github.perceptron.cli;
    exports io.github.perceptron.core.trainer to io.github.perceptron.cli;
    exports io.github.perceptron.core.tune to io.github.perceptron.persistence, io.github.perceptron.cli,
            io.github.perceptron.spark, io.github.perceptron.sparkcli;
}

/**
 * <b>SPI: the network engine.</b> A {@link io.github.perceptron.core.engine.Network} built from a
 * {@code NetworkSpec}: its parameters, its forward and backward passes over a batch, with the
 * package-private dense and dropout layers behind it, and the
 * {@link io.github.perceptron.core.engine.Evaluator} that measures it. Exported to the command line
 * only (its {@code bench}); embedders train through {@code core.usecase} and predict with a
 * {@code Model}.
 */
package io.github.perceptron.core.engine;

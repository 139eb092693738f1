/**
 * <b>Public API for the specs, internal for the rest.</b> Embedders name layers through
 * {@link io.github.perceptron.core.layer.LayerSpec}, {@link io.github.perceptron.core.layer.Activation}
 * and {@link io.github.perceptron.core.layer.Initialization}. The layers themselves and their
 * {@code Parameter}s are public only because the network and the optimisers, in other packages,
 * build and update them.
 */
package io.github.perceptron.core.layer;

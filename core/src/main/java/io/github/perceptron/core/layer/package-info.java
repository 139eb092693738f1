/**
 * <b>Public API: how a network's layers are described.</b> Embedders name layers through
 * {@link io.github.perceptron.core.layer.LayerSpec}, {@link io.github.perceptron.core.layer.Activation}
 * and {@link io.github.perceptron.core.layer.Initialization}. The layers themselves and their
 * trainable tensors live in the engine ({@code core.engine}).
 */
package io.github.perceptron.core.layer;

/**
 * <b>Public API.</b> A network's shape ({@link io.github.perceptron.core.network.NetworkSpec}),
 * the limits every network is held to, and the built {@link io.github.perceptron.core.network.Network}.
 */
package io.github.perceptron.core.network;

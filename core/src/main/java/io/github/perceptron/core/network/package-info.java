/**
 * <b>Public API.</b> A network's shape ({@link io.github.perceptron.core.network.NetworkSpec}) and
 * the limits every network is held to; the internal {@code core.engine} builds and runs it.
 */
package io.github.perceptron.core.network;

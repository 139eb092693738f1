/**
 * <b>Public API and a port.</b> Labelled images in memory, validation splits, and
 * {@link io.github.perceptron.core.data.DatasetSource}, the port a dataset adapter implements to
 * bring a new source of images in.
 */
package io.github.perceptron.core.data;

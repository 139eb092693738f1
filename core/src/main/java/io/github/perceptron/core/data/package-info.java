/**
 * <b>Public API and a port.</b> Labelled images in memory and
 * {@link io.github.perceptron.core.data.DatasetSource}, the port a dataset adapter implements to
 * bring a new source of images in. {@code BatchAssembler} is internal: training and evaluation use it.
 */
package io.github.perceptron.core.data;

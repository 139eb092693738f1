/**
 * <b>Public API and a port.</b> A trained {@link io.github.perceptron.core.model.Model}, its
 * predictions and metadata; {@link io.github.perceptron.core.model.ModelStore} is the port through
 * which models are saved and loaded (the persistence adapter implements it).
 */
package io.github.perceptron.core.model;

/**
 * <b>Public API, the place to start.</b> What an application does with core:
 * {@link io.github.perceptron.core.usecase.TrainModel} trains on a dataset, measures the model on
 * its test split and returns a {@code TrainedModel}. It talks to the world only through the ports
 * {@code DatasetSource} and {@code TrainingListener}; the model it returns predicts, evaluates, and
 * is saved through a {@code ModelStore}.
 */
package io.github.perceptron.core.usecase;

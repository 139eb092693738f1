/**
 * <b>Public API, the place to start.</b> The two things an application does with core:
 * {@link io.github.perceptron.core.usecase.TrainModel} (train on a dataset, evaluate, return a
 * {@link io.github.perceptron.core.usecase.TrainedModel}) and
 * {@link io.github.perceptron.core.usecase.EvaluateModel}. They talk to the world only through the
 * ports {@code DatasetSource}, {@code ModelStore}, {@code CheckpointStore} and {@code TrainingListener}.
 */
package io.github.perceptron.core.usecase;

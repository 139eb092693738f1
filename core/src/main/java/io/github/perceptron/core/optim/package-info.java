/**
 * <b>Public API for the specs, internal for the rest.</b>
 * {@link io.github.perceptron.core.optim.OptimizerSpec} and
 * {@link io.github.perceptron.core.optim.LearningRateSchedule} say how to update; {@code Optimizer},
 * which applies them, is public only for the trainer.
 */
package io.github.perceptron.core.optim;

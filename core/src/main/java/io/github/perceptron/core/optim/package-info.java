/**
 * <b>Public API.</b> {@link io.github.perceptron.core.optim.OptimizerSpec} and
 * {@link io.github.perceptron.core.optim.LearningRateSchedule} say how to update, each kind with
 * the id model files and the command line use; the trainer's {@code Optimizer} applies them.
 */
package io.github.perceptron.core.optim;

/**
 * <b>Public API and a port.</b> A {@link io.github.perceptron.core.train.TrainingPlan} (what to
 * train and how), the {@link io.github.perceptron.core.train.Trainer} that runs it, the results and
 * the stops it reports, and {@link io.github.perceptron.core.train.TrainingListener}, the port
 * through which progress is watched and a run is asked to stop.
 */
package io.github.perceptron.core.train;

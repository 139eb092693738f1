/**
 * <b>Public API and a port: the vocabulary of a training run.</b> A
 * {@link io.github.perceptron.core.train.TrainingPlan} says what to train and how (with its
 * {@link io.github.perceptron.core.train.EarlyStopping} and
 * {@link io.github.perceptron.core.train.ClassWeights}); {@link io.github.perceptron.core.train.Threads}
 * says on how many threads; a run reports {@link io.github.perceptron.core.train.EpochReport}s to a
 * {@link io.github.perceptron.core.train.TrainingListener} (a port: it also asks a run to stop) and
 * ends in a {@link io.github.perceptron.core.train.TrainedModel}, for a
 * {@link io.github.perceptron.core.train.StopReason}, or with a
 * {@link io.github.perceptron.core.train.DivergenceException} or a
 * {@link io.github.perceptron.core.train.TrainingInterruptedException}. The trainer that runs a
 * plan is internal ({@code core.trainer}); {@code TrainModel} runs it.
 */
package io.github.perceptron.core.train;

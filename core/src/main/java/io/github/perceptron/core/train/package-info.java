/**
 * <b>Public API and two ports: the vocabulary of a training run.</b> A
 * {@link io.github.perceptron.core.train.TrainingPlan} says what to train and how (with its
 * {@link io.github.perceptron.core.train.EarlyStopping} and
 * {@link io.github.perceptron.core.train.ClassWeights}); {@link io.github.perceptron.core.train.Threads}
 * says on how many threads; a run reports {@link io.github.perceptron.core.train.EpochReport}s to a
 * {@link io.github.perceptron.core.train.TrainingListener} (a port: it also asks a run to stop) and
 * ends for a {@link io.github.perceptron.core.train.StopReason}, or with a
 * {@link io.github.perceptron.core.train.DivergenceException}. Checkpoints are one idea: a
 * {@link io.github.perceptron.core.train.CheckpointPolicy} says when and where, a
 * {@link io.github.perceptron.core.train.TrainingCheckpoint} is what is saved (a model, its plan and
 * the run's {@link io.github.perceptron.core.train.TrainerState}), and
 * {@link io.github.perceptron.core.train.CheckpointStore} is the port the persistence adapter
 * implements. The trainer that runs a plan is internal ({@code core.trainer}); use cases run it.
 */
package io.github.perceptron.core.train;

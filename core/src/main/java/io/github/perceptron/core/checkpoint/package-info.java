/**
 * SPI for the command line and the persistence adapter: checkpoints and the state a run resumes
 * from. A {@link io.github.perceptron.core.checkpoint.CheckpointPolicy} says when and where, a
 * {@link io.github.perceptron.core.checkpoint.TrainingCheckpoint} is what is saved (a model, its
 * plan, the run's {@link io.github.perceptron.core.checkpoint.TrainerState} and early stopping's
 * {@link io.github.perceptron.core.checkpoint.BestEpoch}), and
 * {@link io.github.perceptron.core.checkpoint.CheckpointStore} is the port the persistence adapter
 * implements. Data-parallel shards carry a {@code TrainerState} between rounds too.
 */
package io.github.perceptron.core.checkpoint;

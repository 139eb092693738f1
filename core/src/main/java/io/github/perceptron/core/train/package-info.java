/**
 * <b>Public API and three ports.</b> A {@link io.github.perceptron.core.train.TrainingPlan} (what to
 * train and how), the {@link io.github.perceptron.core.train.Trainer} that runs it, the results and
 * the stops it reports, and {@link io.github.perceptron.core.train.TrainingListener}, the port
 * through which progress is watched and a run is asked to stop. Checkpoints are one idea here: a
 * {@link io.github.perceptron.core.train.CheckpointPolicy} says when and where, a
 * {@link io.github.perceptron.core.train.TrainingCheckpoint} is what is saved, and
 * {@link io.github.perceptron.core.train.CheckpointStore} is the port the persistence adapter
 * implements. Data-parallel training is here too: a
 * {@link io.github.perceptron.core.train.DataParallelTrainer} averages the
 * {@link io.github.perceptron.core.train.Replica}s of shards laid out by a
 * {@link io.github.perceptron.core.train.ShardLayout}, which run their rounds wherever the
 * {@link io.github.perceptron.core.train.ShardRunner} port puts them (the Spark adapter's, or here).
 */
package io.github.perceptron.core.train;

/**
 * <b>SPI: data-parallel training.</b> A
 * {@link io.github.perceptron.core.parallel.DataParallelTrainer} averages the
 * {@link io.github.perceptron.core.checkpoint.TrainerState}s of shards laid out by a
 * {@link io.github.perceptron.core.parallel.ShardLayout}; each shard is a
 * {@link io.github.perceptron.core.parallel.ShardTrainer} that runs its rounds wherever the
 * {@link io.github.perceptron.core.parallel.ShardRunner} port puts it (here, or the Spark
 * adapter's executors), and hands back a {@link io.github.perceptron.core.parallel.ShardRound}.
 * Exported to the command lines and the Spark adapter only.
 */
package io.github.perceptron.core.parallel;

/**
 * <b>Public API and a port.</b> What a checkpoint holds and when one is written;
 * {@link io.github.perceptron.core.checkpoint.CheckpointStore} is the port the persistence adapter
 * implements.
 */
package io.github.perceptron.core.checkpoint;

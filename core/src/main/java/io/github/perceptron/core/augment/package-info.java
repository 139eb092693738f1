/**
 * <b>Public API for the recipe, internal for the rest.</b>
 * {@link io.github.perceptron.core.augment.Augmentation} says how training images are distorted;
 * {@code ImageDistorter} applies it and is public only for the trainer and the benchmarks.
 */
package io.github.perceptron.core.augment;

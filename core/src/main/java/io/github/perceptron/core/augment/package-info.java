/**
 * <b>Public API for the recipe, internal for the rest.</b>
 * {@link io.github.perceptron.core.augment.Augmentation} says how training images are distorted.
 * {@code BatchDistortion} applies it to a batch on several threads and is public only for the
 * trainer and the benchmarks; the distorters behind it are package-private.
 */
package io.github.perceptron.core.augment;

/**
 * <b>Public API.</b> {@link io.github.perceptron.core.augment.Augmentation} says how training images
 * are distorted; the internal {@code core.batch} applies it.
 */
package io.github.perceptron.core.augment;

/**
 * <b>Internal.</b> Mini-batches as training and evaluation need them: gathered from shuffled
 * examples and scaled ({@code BatchAssembler}), and distorted on several threads as an
 * {@link io.github.perceptron.core.augment.Augmentation} says ({@code BatchDistortion}, with its
 * package-private distorters).
 */
package io.github.perceptron.core.batch;

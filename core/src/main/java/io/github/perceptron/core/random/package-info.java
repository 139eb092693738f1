/**
 * <b>Public API.</b> {@link io.github.perceptron.core.random.SeededRandom}: the generator every
 * seeded result comes from, whose whole state is one {@code long}, so a checkpoint can restore it.
 */
package io.github.perceptron.core.random;

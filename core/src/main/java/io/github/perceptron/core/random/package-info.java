/**
 * <b>SPI.</b> {@link io.github.perceptron.core.random.SeededRandom}: the generator every seeded
 * result comes from, whose whole state is one {@code long}, so a checkpoint can restore it.
 * Exported to the dataset adapter (its synthetic digits); embedders give seeds, not generators.
 */
package io.github.perceptron.core.random;

/**
 * SPI, exported only to the command line: every way it trains a model (fresh, with checkpoints,
 * resumed from one, or data-parallel). Embedders use {@code usecase.TrainModel}, which runs its
 * fresh runs here.
 */
package io.github.perceptron.core.run;

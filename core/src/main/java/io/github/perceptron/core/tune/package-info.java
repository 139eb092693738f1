/**
 * <b>SPI: the search.</b> A {@link io.github.perceptron.core.tune.SearchSpace} names plan fields and
 * the values to try; its trials are drawn from a seed, so a search is reproducible and a killed one
 * resumes from its {@link io.github.perceptron.core.tune.TrialJournal} (a port: the persistence
 * adapter keeps it in a file); a {@link io.github.perceptron.core.tune.TrialRunner} (a port: here,
 * side by side, or Spark tasks) runs the trials. {@link io.github.perceptron.core.tune.TuneModel}
 * is the use case. Exported to the persistence adapter, the command lines and Spark: the search is
 * driven by {@code perceptron tune}, not yet part of the embedding API.
 */
package io.github.perceptron.core.tune;

/**
 * Public API: searching training settings on held-out data. A {@link
 * io.github.perceptron.core.tune.SearchSpace} names plan fields and the values to try; its trials
 * are drawn from a seed, so a search is reproducible and a killed one resumes from its {@link
 * io.github.perceptron.core.tune.TrialJournal} (a port: the persistence adapter keeps it in a file).
 * {@link io.github.perceptron.core.usecase.TuneModel} runs the search.
 */
package io.github.perceptron.core.tune;

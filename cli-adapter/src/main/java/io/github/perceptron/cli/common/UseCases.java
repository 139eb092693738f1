package io.github.perceptron.cli.common;

import io.github.perceptron.core.data.DatasetSource;
import io.github.perceptron.core.run.TrainingRuns;
import io.github.perceptron.core.train.Threads;
import io.github.perceptron.core.train.TrainingListener;
import io.github.perceptron.core.tune.TrialRunner;
import io.github.perceptron.core.tune.TuneModel;

/**
 * Core's use cases as the commands get them: made by the composition root, which knows the clock
 * and the host, for the data, listener and threads a command has chosen. Work
 * shipped to another JVM (a trial or a run on a Spark executor) makes its own, there.
 */
public interface UseCases {

    TrainingRuns training(DatasetSource source, TrainingListener listener, Threads threads);

    TuneModel tuning(DatasetSource source, Threads threads, TrialRunner runner);
}

package io.github.perceptron.cli.train;

import io.github.perceptron.cli.common.UseCases;
import io.github.perceptron.core.data.DatasetSource;
import io.github.perceptron.core.run.TrainingRuns;
import io.github.perceptron.core.train.Threads;
import io.github.perceptron.core.train.TrainingListener;
import io.github.perceptron.core.tune.TrialRunner;
import io.github.perceptron.core.tune.TuneModel;
import java.time.Clock;
import java.util.function.UnaryOperator;

/** The use cases a committee test needs: training on a fixed clock, its listener seen through {@code watch}; no searches. */
final class TrainingUseCases implements UseCases {

    private final Clock clock;
    private final UnaryOperator<TrainingListener> watch;

    TrainingUseCases(Clock clock, UnaryOperator<TrainingListener> watch) {
        this.clock = clock;
        this.watch = watch;
    }

    TrainingUseCases(Clock clock) {
        this(clock, UnaryOperator.identity());
    }

    @Override
    public TrainingRuns training(DatasetSource data, TrainingListener listener, Threads threads) {
        return new TrainingRuns(data, watch.apply(listener), clock, threads);
    }

    @Override
    public TuneModel tuning(DatasetSource data, Threads threads, TrialRunner runner) {
        throw new UnsupportedOperationException("not a search");
    }
}

package io.github.perceptron.sparkcli;

import com.google.inject.AbstractModule;
import io.github.perceptron.cli.common.CompareRunners;
import io.github.perceptron.cli.train.ShardRunners;
import io.github.perceptron.cli.tune.TrialRunners;

/** The Spark build's bindings over the command line's own: trials go where {@code --master} says. */
public final class SparkModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(TrialRunners.class).to(SparkTrialRunners.class);
        bind(CompareRunners.class).to(SparkCompareRunners.class);
        bind(ShardRunners.class).to(SparkShardRunners.class);
    }
}

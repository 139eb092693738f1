package io.github.perceptron.sparkcli;

import com.google.inject.AbstractModule;
import io.github.perceptron.cli.common.RunPlaces;
import io.github.perceptron.cli.train.ShardPlaces;
import io.github.perceptron.cli.tune.TrialPlaces;

/** The Spark build's bindings over the command line's own: trials go where {@code --master} says. */
public final class SparkModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(TrialPlaces.class).to(SparkTrialPlaces.class);
        bind(RunPlaces.class).to(SparkRunPlaces.class);
        bind(ShardPlaces.class).to(SparkShardPlaces.class);
    }
}

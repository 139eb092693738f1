package io.github.perceptron.spark.planted;

import io.github.perceptron.cli.tune.TrialRecipe;

/** A planted violation (test sources only): the Spark adapter reaching into the command line. */
public class SparkUsingTheCli {
    public Class<?> recipe = TrialRecipe.class;
}

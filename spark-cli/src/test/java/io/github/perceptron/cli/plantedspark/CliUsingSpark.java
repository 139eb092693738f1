package io.github.perceptron.cli.plantedspark;

import org.apache.spark.api.java.JavaSparkContext;

/** A planted violation (test sources only): the plain command line using Spark. */
public class CliUsingSpark {
    public Class<?> spark = JavaSparkContext.class;
}

package io.github.perceptron.sparkcli;

import io.github.perceptron.cli.Main;

/**
 * {@code perceptron-spark}: the perceptron command line with trials placed on Spark, so that
 * {@code tune --master URL} runs each trial as a Spark task. Everything else is the ordinary
 * command line. Runs from {@code ./perceptron-spark} or {@code spark-submit --class} this class.
 */
public final class SparkMain {

    private SparkMain() {
    }

    public static void main(String[] args) {
        SparkLog.nameForThisProcess();
        Main.launch(args, new SparkModule());
    }
}

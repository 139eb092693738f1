package io.github.perceptron.cli.chart;

import io.github.perceptron.cli.Main;
import picocli.CommandLine;

/** A planted violation (test sources only): a chart that knows the command line and the composition root. */
public class PlantedChartUsingPicocliAndMain {
    public Class<?> commandLine = CommandLine.class;
    public Class<?> root = Main.class;
}

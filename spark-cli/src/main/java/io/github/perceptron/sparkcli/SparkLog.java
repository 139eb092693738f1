package io.github.perceptron.sparkcli;

import io.github.perceptron.cli.common.CommandFailure;
import io.github.perceptron.spark.ClusterFailureException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Spark's own log: its warnings and errors, traces included, go to a file rather than between the
 * command's lines (log4j2.properties), and a failure's one line names that file when Spark wrote
 * to it.
 */
final class SparkLog {

    /** The system property log4j2.properties reads the file's name from. */
    static final String PROPERTY = "perceptron.spark.log";

    private SparkLog() {
    }

    /** Names this process's log file, unless given: before Spark's first class logs anything. */
    static void nameForThisProcess() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, Path.of(System.getProperty("java.io.tmpdir"),
                    "perceptron-spark-" + ProcessHandle.current().pid() + ".log").toString());
        }
    }

    /** The cluster's failure in the command's one line, with where Spark's account of it is. */
    static CommandFailure failure(ClusterFailureException e) {
        return failure(e.getMessage());
    }

    /** {@code failure}'s line, with where Spark's account of it is. */
    static CommandFailure failure(CommandFailure failure) {
        return failure(failure.getMessage());
    }

    static CommandFailure failure(String message) {
        String file = System.getProperty(PROPERTY);
        return new CommandFailure(file != null && hasWords(Path.of(file)) ? message + " (Spark's log: " + file + ")" : message);
    }

    private static boolean hasWords(Path file) {
        try {
            return Files.size(file) > 0;
        } catch (IOException e) {
            return false;
        }
    }
}

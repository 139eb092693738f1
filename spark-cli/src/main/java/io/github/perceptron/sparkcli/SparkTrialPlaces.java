package io.github.perceptron.sparkcli;

import io.github.perceptron.cli.common.CommandFailure;
import io.github.perceptron.cli.tune.TrialPlaces;
import io.github.perceptron.cli.tune.TrialRecipe;
import io.github.perceptron.core.tune.TrialRunner;
import io.github.perceptron.spark.SparkTrialRunner;
import java.util.regex.Pattern;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Trials on the cluster that {@code --master} names, through one Spark context per search; without
 * {@code --master}, on this machine as the plain command line runs them.
 */
final class SparkTrialPlaces implements TrialPlaces {

    /** The master URLs Spark itself takes; anything else is a usage error before any data is read. */
    private static final Pattern MASTER = Pattern.compile(
            "local(\\[(\\*|\\d+)(,\\d+)?])?|local-cluster\\[\\d+,\\d+,\\d+]|(spark|mesos)://.+|yarn|k8s://.+");

    private final TrialPlaces local = new TrialPlaces.Local();

    @Override
    public void check(String master) {
        if (master != null && !MASTER.matcher(master).matches()) {
            throw new IllegalArgumentException("--master must be local[*], local[N], spark://HOST:PORT, yarn or "
                    + "k8s://URL, was '" + master + "'");
        }
        if (master != null && master.startsWith("spark://")) {
            StandaloneMasters.checkReachable(master, SparkContexts.connectTimeoutMillis());
        }
    }

    @Override
    public Placement open(String master, int parallelTrials, TrialRecipe recipe) {
        if (master == null) {
            return local.open(null, parallelTrials, recipe);
        }
        check(master);
        JavaSparkContext spark = SparkContexts.start(master, "perceptron tune");
        int taskCpus = spark.getConf().getInt("spark.task.cpus", 1);
        TrialRunner runner = new SparkTrialRunner(spark, recipe.onThreads(taskCpus)::run);
        return new Placement() {
            @Override
            public TrialRunner runner() {
                return runner;
            }

            @Override
            public void close() {
                spark.close();
            }
        };
    }

    /** Thrown where the cluster cannot be used at all. */
    static CommandFailure unreachable(String master, String why) {
        return new CommandFailure("--master " + master + ": " + why);
    }
}

package io.github.perceptron.sparkcli;

import io.github.perceptron.cli.common.CommandFailure;
import io.github.perceptron.cli.tune.TrialRecipe;
import io.github.perceptron.cli.tune.TrialRunners;
import io.github.perceptron.core.tune.TrialResult;
import io.github.perceptron.core.tune.TrialRunner;
import io.github.perceptron.spark.ClusterFailureException;
import io.github.perceptron.spark.SparkTrialRunner;
import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Trials on the cluster that {@code --master} names, through one Spark context per search; without
 * {@code --master}, on this machine as the plain command line runs them.
 */
final class SparkTrialRunners implements TrialRunners {

    private final TrialRunners local = new TrialRunners.Local();

    @Override
    public void check(String master) {
        MasterUrls.check(master);
    }

    @Override
    public Placement open(String given, int parallelTrials, TrialRecipe recipe) {
        String master = MasterUrls.effective(given);
        if (master == null) {
            return local.open(null, parallelTrials, recipe);
        }
        JavaSparkContext spark = SparkContexts.start(master, "perceptron tune");
        int taskCpus = spark.getConf().getInt("spark.task.cpus", 1);
        TrialRunner cluster = new SparkTrialRunner(spark, recipe.onThreads(taskCpus)::run);
        TrialRunner runner = new TrialRunner() {
            @Override
            public List<TrialResult> run(List<Trial> trials, Consumer<TrialResult> finished) {
                try {
                    return cluster.run(trials, finished);
                } catch (ClusterFailureException e) {
                    if (e.isStop()) {
                        throw new CommandFailure("the search stopped: Spark was shut down (Ctrl-C or a signal); "
                                + "the journal keeps every finished trial: run the same command to resume");
                    }
                    throw SparkLog.failure(e);
                }
            }

            @Override
            public int parallelism() {
                return cluster.parallelism();
            }
        };
        return Placement.of(runner, spark::close);
    }
}

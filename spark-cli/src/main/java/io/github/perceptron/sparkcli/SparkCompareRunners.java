package io.github.perceptron.sparkcli;

import io.github.perceptron.cli.common.CompareRunners;
import io.github.perceptron.spark.ClusterFailureException;
import io.github.perceptron.spark.SparkJobs;
import java.io.Serializable;
import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaSparkContext;

/** A command's runs as Spark jobs on the cluster {@code --master} names; without it, here. */
final class SparkCompareRunners implements CompareRunners {

    private final CompareRunners local = new CompareRunners.Local();

    @Override
    public void check(String master) {
        MasterUrls.check(master);
    }

    @Override
    public <R extends Serializable> List<R> runAll(String given, List<? extends Run<R>> runs, Consumer<R> done) {
        String master = MasterUrls.effective(given);
        if (master == null) {
            return local.runAll(null, runs, done);
        }
        try (JavaSparkContext spark = SparkContexts.start(master, "perceptron")) {
            int taskCpus = spark.getConf().getInt("spark.task.cpus", 1);
            List<SparkJobs.Work<R>> work = runs.stream().<SparkJobs.Work<R>>map(run -> () -> run.run(taskCpus)).toList();
            return new SparkJobs(spark).runInOrder(work, done);
        } catch (ClusterFailureException e) {
            throw SparkLog.failure(e);
        }
    }
}

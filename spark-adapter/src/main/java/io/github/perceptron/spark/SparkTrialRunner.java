package io.github.perceptron.spark;

import io.github.perceptron.core.tune.TrialResult;
import io.github.perceptron.core.tune.TrialRunner;
import java.io.Serializable;
import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Trials as Spark tasks, one partition each. The trials' own work cannot travel; a
 * {@link TrialRecipe} rebuilds it where the task runs, from the trial's number. Results come back
 * in trial order (collect keeps the partitions' order), never in completion order.
 */
public final class SparkTrialRunner implements TrialRunner {

    /** Runs trial {@code number} wherever the task lands: it must carry everything it needs. */
    @FunctionalInterface
    public interface TrialRecipe extends Serializable {
        TrialResult run(int number);
    }

    private final JavaSparkContext spark;
    private final TrialRecipe recipe;

    public SparkTrialRunner(JavaSparkContext spark, TrialRecipe recipe) {
        this.spark = spark;
        this.recipe = recipe;
    }

    @Override
    public List<TrialResult> run(List<Trial> trials, Consumer<TrialResult> finished) {
        if (trials.isEmpty()) {
            return List.of();
        }
        List<Integer> numbers = trials.stream().map(Trial::number).toList();
        TrialRecipe work = recipe;
        List<TrialResult> results = spark.parallelize(numbers, numbers.size()).map(work::run).collect();
        results.forEach(finished);
        return results;
    }

    @Override
    public int parallelism() {
        return spark.defaultParallelism();
    }
}

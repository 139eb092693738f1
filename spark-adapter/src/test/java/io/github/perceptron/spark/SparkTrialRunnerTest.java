package io.github.perceptron.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.perceptron.core.data.DatasetException;
import io.github.perceptron.core.data.LabelledImages;
import io.github.perceptron.core.data.ValidationSplit;
import io.github.perceptron.core.optim.OptimizerSpec;
import io.github.perceptron.core.testing.InMemoryDatasetSource;
import io.github.perceptron.core.testing.SyntheticImages;
import io.github.perceptron.core.train.Threads;
import io.github.perceptron.core.train.TrainingPlan;
import io.github.perceptron.core.tune.TrialJournal;
import io.github.perceptron.core.tune.TrialResult;
import io.github.perceptron.core.tune.TuneModel;
import io.github.perceptron.core.tune.TuningListener;
import io.github.perceptron.core.tune.TuningRequest;
import io.github.perceptron.core.tune.TuningResult;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;

/** A search whose trials are Spark tasks on local[2] ends exactly as one run here. */
class SparkTrialRunnerTest {

    /** Everything a trial needs, rebuilt from numbers wherever it runs. */
    static TuningRequest request() {
        List<Map<String, String>> trials = List.of(Map.of("lr", "0.00001"), Map.of("lr", "0.05"),
                Map.of("lr", "0.0003"), Map.of("lr", "0.01"));
        Function<Map<String, String>, TrainingPlan> planOf = params -> TrainingPlan.builder().layers(64, 12, 4)
                .optimizer(new OptimizerSpec.Momentum(Double.parseDouble(params.get("lr")), 0.9)).epochs(3).batchSize(20)
                .seed(5).build();
        return new TuningRequest(trials, trials.stream().map(planOf).toList(), ValidationSplit.stratified(80, 3), 1, null, true);
    }

    static TuneModel here() {
        LabelledImages train = SyntheticImages.blobs(400, 8, 8, 4, 1);
        LabelledImages test = SyntheticImages.blobs(100, 8, 8, 4, 2);
        return new TuneModel(new InMemoryDatasetSource(train, test), new Threads(1), Clock.systemUTC());
    }

    @Test
    void data_an_executor_cannot_read_fails_the_search_with_the_data_error_not_a_spark_trace() {
        SparkConf conf = new SparkConf().setMaster("local[2]").setAppName("perceptron-test")
                .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1");
        try (JavaSparkContext spark = new JavaSparkContext(conf)) {
            SparkTrialRunner runner = new SparkTrialRunner(spark, number -> {
                throw new DatasetException("/shared/digits: no such directory");
            });
            assertThatThrownBy(() -> new TuneModel(new InMemoryDatasetSource(SyntheticImages.blobs(400, 8, 8, 4, 1),
                    SyntheticImages.blobs(100, 8, 8, 4, 2)), new Threads(1), Clock.systemUTC(), runner)
                    .tune(request(), TrialJournal.NONE, TuningListener.NONE))
                    .isInstanceOf(DatasetException.class)
                    .hasMessage("on a Spark executor: /shared/digits: no such directory");
        }
    }

    @Test
    void trials_as_spark_tasks_on_local_2_give_the_results_of_a_local_search() {
        TuningResult local = here().tune(request(), TrialJournal.NONE, TuningListener.NONE);
        SparkConf conf = new SparkConf().setMaster("local[2]").setAppName("perceptron-test")
                .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1");
        try (JavaSparkContext spark = new JavaSparkContext(conf)) {
            SparkTrialRunner runner = new SparkTrialRunner(spark, number -> here().trial(request(), number));
            TuningResult distributed = new TuneModel(new InMemoryDatasetSource(SyntheticImages.blobs(400, 8, 8, 4, 1),
                    SyntheticImages.blobs(100, 8, 8, 4, 2)), new Threads(1), Clock.systemUTC(), runner)
                    .tune(request(), TrialJournal.NONE, TuningListener.NONE);
            assertThat(distributed.trials()).extracting(TrialResult::validationAccuracy)
                    .isEqualTo(local.trials().stream().map(TrialResult::validationAccuracy).toList());
            assertThat(distributed.trials()).extracting(TrialResult::number).containsExactly(1, 2, 3, 4);
            assertThat(distributed.best().number()).isEqualTo(local.best().number());
        }
    }
}

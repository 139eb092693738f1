package io.github.perceptron.sparkcli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.perceptron.cli.IdxFixtures;
import io.github.perceptron.cli.Main;
import io.github.perceptron.cli.train.Interrupts;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code perceptron-spark tune} and {@code compare} with {@code --master local[2]}: Spark tasks give what a run here gives. */
class SparkCommandsTest {

    @TempDir
    static Path dir;
    private static Path data;
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void writeData() throws IOException {
        data = IdxFixtures.dataset(dir, "digits", 400, 100);
    }

    record Run(int code, String out, String err) {
        List<JsonNode> events() {
            return out.lines().map(line -> {
                try {
                    return JSON.readTree(line);
                } catch (IOException e) {
                    throw new UncheckedIOException(line, e);
                }
            }).toList();
        }
    }

    static Run perceptronSpark(String... args) {
        return perceptronSpark(dir, args);
    }

    /** The Spark command line in this JVM, its data cache under {@code dir}. */
    static Run perceptronSpark(Path dir, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true),
                Map.of("PERCEPTRON_DATA", dir.resolve("cache").toString()), false, Interrupts::unhandled, new SparkModule());
        return new Run(code, out.toString(), err.toString());
    }

    static String[] tune(Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("tune", "--data", data.toString(), "--layers", "784,16,10",
                "--epochs", "2", "--augment", "none", "--param", "lr=log:0.01:0.3", "--param", "dropout=0|0.2",
                "--trials", "4", "--json", "--out", out.toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void a_search_on_local_2_ends_with_the_trials_winner_and_model_of_the_same_search_run_here() throws IOException {
        Run here = perceptronSpark(tune(dir.resolve("here")));
        Run spark = perceptronSpark(tune(dir.resolve("spark"), "--master", "local[2]"));
        assertThat(here.code()).as(here.err()).isZero();
        assertThat(spark.code()).as(spark.err()).isZero();
        List<JsonNode> local = here.events();
        List<JsonNode> distributed = spark.events();
        assertThat(distributed).hasSize(5);
        for (int t = 0; t < 4; t++) {
            assertThat(distributed.get(t).get("trial").asInt()).isEqualTo(t + 1);
            assertThat(distributed.get(t).get("params")).isEqualTo(local.get(t).get("params"));
            assertThat(distributed.get(t).get("validation_accuracy").asDouble())
                    .isEqualTo(local.get(t).get("validation_accuracy").asDouble());
            assertThat(distributed.get(t).get("validation_loss").asDouble())
                    .isEqualTo(local.get(t).get("validation_loss").asDouble());
        }
        assertThat(distributed.get(4).get("best_trial")).isEqualTo(local.get(4).get("best_trial"));
        assertThat(distributed.get(4).get("test_accuracy")).isEqualTo(local.get(4).get("test_accuracy"));
        assertThat(JSON.readTree(dir.resolve("spark/model.json").toFile()).get("parameters"))
                .isEqualTo(JSON.readTree(dir.resolve("here/model.json").toFile()).get("parameters"));
    }

    @Test
    void compare_on_local_2_writes_the_results_of_compare_run_here() throws IOException {
        Run here = perceptronSpark("compare", "--data", data.toString(), "--seeds", "2", "--epochs", "1",
                "--out", dir.resolve("compare-here").toString());
        Run spark = perceptronSpark("compare", "--data", data.toString(), "--seeds", "2", "--epochs", "1",
                "--out", dir.resolve("compare-spark").toString(), "--master", "local[2]");
        assertThat(here.code()).as(here.err()).isZero();
        assertThat(spark.code()).as(spark.err()).isZero();
        assertThat(spark.out()).isEqualTo(here.out().replace("compare-here", "compare-spark"));
        assertThat(withoutSeconds(dir.resolve("compare-spark/results.csv"))).hasSize(21)
                .isEqualTo(withoutSeconds(dir.resolve("compare-here/results.csv")));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"one file", "part files"})
    void data_parallel_training_on_local_2_gives_the_weights_of_the_same_shards_trained_here(String layout)
            throws IOException {
        Path from = layout.equals("one file") ? data : IdxFixtures.partedDataset(dir, "parts", 400, 100, 6);
        List<String> args = List.of("train", "--data", from.toString(), "--layers", "784,16,10", "--epochs", "2",
                "--batch", "40", "--augment", "shift", "--shards", "3", "--local-steps", "2", "--json");
        Run here = perceptronSpark(with(args, "-o", dir.resolve(layout + " here.json").toString()));
        Run spark = perceptronSpark(with(args, "-o", dir.resolve(layout + " spark.json").toString(), "--master", "local[2]"));
        assertThat(here.code()).as(here.err()).isZero();
        assertThat(spark.code()).as(spark.err()).isZero();
        assertThat(JSON.readTree(dir.resolve(layout + " spark.json").toFile()).get("parameters"))
                .isEqualTo(JSON.readTree(dir.resolve(layout + " here.json").toFile()).get("parameters"));
        assertThat(spark.events().get(spark.events().size() - 1).get("test_accuracy"))
                .isEqualTo(here.events().get(here.events().size() - 1).get("test_accuracy"));
    }

    /** More shards than images: one line naming the bound here, and was "Job aborted" on Spark. */
    @Test
    void more_shards_than_images_is_the_same_one_line_on_spark_as_here() {
        List<String> args = List.of("train", "--data", data.toString(), "--layers", "784,16,10", "--epochs", "1",
                "--shards", "10001", "--local-steps", "2");
        Run here = perceptronSpark(with(args, "-o", dir.resolve("too-many-here.json").toString()));
        Run spark = perceptronSpark(with(args, "-o", dir.resolve("too-many-spark.json").toString(), "--master", "local[2]"));
        assertThat(here.err()).startsWith("perceptron: --shards must be in 1..400 (the training images), was 10001");
        assertThat(spark.code()).as(spark.err()).isEqualTo(here.code()).isNotZero();
        assertThat(spark.err().lines().findFirst()).isEqualTo(here.err().lines().findFirst());
        assertThat(spark.err()).doesNotContain("Job aborted", "\tat ");
    }

    private static String[] with(List<String> args, String... more) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @Test
    void under_spark_submit_its_master_runs_compare_without_master_in_the_command() throws IOException {
        System.setProperty("spark.master", "local[2]");
        try {
            Run submitted = perceptronSpark("compare", "--data", data.toString(), "--seeds", "1", "--epochs", "1",
                    "--out", dir.resolve("compare-submitted").toString());
            assertThat(submitted.code()).as(submitted.err()).isZero();
        } finally {
            System.clearProperty("spark.master");
        }
        Run here = perceptronSpark("compare", "--data", data.toString(), "--seeds", "1", "--epochs", "1",
                "--out", dir.resolve("compare-here-1").toString());
        assertThat(withoutSeconds(dir.resolve("compare-submitted/results.csv")))
                .isEqualTo(withoutSeconds(dir.resolve("compare-here-1/results.csv")));
    }

    /** The CSV's rows less their last column, the time each epoch took. */
    private static List<String> withoutSeconds(Path csv) throws IOException {
        return Files.readAllLines(csv).stream().map(line -> line.substring(0, line.lastIndexOf(','))).toList();
    }

    @Test
    void a_master_spark_cannot_take_is_a_usage_error_before_any_data_is_read() {
        Run run = perceptronSpark(tune(dir.resolve("bad"), "--master", "cluster-of-mine"));
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--master must be local[*]").hasLineCount(2);
        assertThat(dir.resolve("bad")).doesNotExist();
    }

    /**
     * Masters Spark knows but this jar cannot start are usage errors in one line, before anything
     * is written (they were "internal error: SparkException: Could not parse Master URL" after 2 s,
     * exit 1, with an empty --out left behind).
     */
    @ParameterizedTest
    @ValueSource(strings = {"yarn", "k8s://https://127.0.0.1:6443", "mesos://127.0.0.1:5050", "local-cluster[2,1,1024]",
            "local[0]", "local[0,3]"})
    void a_master_this_jar_cannot_start_is_a_usage_error_in_one_line_before_anything_is_written(String master) {
        Path out = dir.resolve("unsupported-" + Math.abs(master.hashCode()));
        Run run = perceptronSpark(tune(out, "--master", master));
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).startsWith("perceptron tune: --master " + master + ": ").doesNotContain("internal error", "Exception");
        assertThat(run.err()).hasLineCount(2);  // the reason, then where --help is
        assertThat(out).doesNotExist();
        if (master.equals("yarn") || master.startsWith("k8s://")) {
            assertThat(run.err()).contains("spark-submit --master " + master);
        }
    }

    /** --parallel-trials 2 with --master was accepted silently, and meant nothing. */
    @Test
    void parallel_trials_with_a_master_is_a_usage_error() {
        Path out = dir.resolve("parallel-and-master");
        Run run = perceptronSpark(tune(out, "--master", "local[2]", "--parallel-trials", "2"));
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).startsWith("perceptron tune: --parallel-trials runs trials side by side on this machine; "
                + "with --master, Spark places every trial as a task of its own").hasLineCount(2);
        assertThat(out).doesNotExist();
    }

    @Test
    void an_unreachable_master_fails_in_one_line_at_once_before_anything_is_written() {
        long start = System.nanoTime();
        Run run = perceptronSpark(tune(dir.resolve("unreachable"), "--master", "spark://127.0.0.1:9"));
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err().lines().toList()).singleElement().asString()
                .startsWith("perceptron: --master spark://127.0.0.1:9: cannot connect to 127.0.0.1:9 (Connection refused");
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(10);
        assertThat(dir.resolve("unreachable")).doesNotExist();
    }

    @Test
    void the_plain_command_line_refuses_master_and_names_the_spark_build() {
        StringWriter err = new StringWriter();
        int code = Main.run(tune(dir.resolve("plain"), "--master", "local[2]"), new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true), Map.of(), false);
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--master needs the Spark build of perceptron: run ./perceptron-spark tune");
    }
}

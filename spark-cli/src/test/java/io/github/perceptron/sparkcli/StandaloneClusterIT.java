package io.github.perceptron.sparkcli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.perceptron.cli.IdxFixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./perceptron-spark tune} and {@code train --shards} with {@code --master
 * spark://127.0.0.1:PORT} on a real standalone cluster (a master and two one-core workers, child
 * JVMs on loopback), checked bit for bit against the same runs here by {@code ./perceptron}; the
 * application jar submitted by Spark's own {@code spark-submit} (its {@code SparkSubmit} class);
 * and a search again with a worker killed mid-search.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneClusterIT {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static Path data;
    static Path parts;
    static StandaloneCluster cluster;
    static List<JsonNode> here;

    @BeforeAll
    static void startClusterAndSearchHere() throws Exception {
        data = IdxFixtures.dataset(dir, "digits with spaces", 3000, 200);
        parts = IdxFixtures.partedDataset(dir, "digits in parts", 3000, 200, 8);
        cluster = StandaloneCluster.start(dir, 2);
        Launched local = launch("perceptron", tune(dir.resolve("here")));
        assertThat(local.process.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(local.process.exitValue()).as(local.err()).isZero();
        here = local.events();
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void a_search_on_the_cluster_gives_the_bits_of_the_search_run_here() throws Exception {
        Launched run = launch("perceptron-spark", tune(dir.resolve("cluster"), "--master", cluster.url()));
        assertThat(run.process.waitFor(180, TimeUnit.SECONDS)).as(run.err()).isTrue();
        assertThat(run.process.exitValue()).as(run.err() + cluster.logsOf("worker-0")).isZero();
        assertSameSearch(run.events());
        assertThat(run.err()).doesNotContain("Exception");
    }

    @Test
    @Order(3)
    void the_jar_submitted_with_spark_submit_runs_the_same_search() throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        // What the spark-submit script gives its JVM (Spark's JavaModuleOptions): the opens and the Vector API.
        command.addAll(List.of(SparkClassPath.OPENS));
        command.add("--add-modules=jdk.incubator.vector");
        command.addAll(List.of("-cp", String.join(":", SparkClassPath.entries()), "org.apache.spark.deploy.SparkSubmit",
                "--master", cluster.url(), "--class", "io.github.perceptron.sparkcli.SparkMain",
                Path.of("target", "perceptron-spark.jar").toAbsolutePath().toString()));
        command.addAll(List.of(tune(dir.resolve("submitted"))));
        Path out = Files.createTempFile(dir, "submit-out", ".txt");
        Path err = Files.createTempFile(dir, "submit-err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(StandaloneCluster.loopback());
        Launched run = new Launched(builder.start(), out, err);
        assertThat(run.process.waitFor(180, TimeUnit.SECONDS)).as(run.err()).isTrue();
        assertThat(run.process.exitValue()).as(run.err()).isZero();
        assertThat(run.err()).as("spark-submit's --master, not this machine, ran the trials")
                .containsPattern("Starting task .* \\(127\\.0\\.0\\.1, ?executor \\d+");
        assertSameSearch(run.events());
    }

    /** SIGTERM to the driver once a trial is journaled, then the same command: the search ends as the one run here. */
    @Test
    @Order(3)
    void a_search_stopped_mid_trial_on_the_cluster_resumes_to_the_bits_of_the_search_run_here() throws Exception {
        Path out = dir.resolve("stopped");
        Path journal = out.resolve("journal.jsonl");
        Launched first = launch("perceptron-spark", tune(out, "--master", cluster.url()));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.exists(journal) || Files.readAllLines(journal).size() < 2) {  // the header and one trial
            assertThat(first.process.isAlive()).as(first.err()).isTrue();
            assertThat(System.nanoTime()).as("a trial within 120 s").isLessThan(deadline);
            Thread.sleep(20);
        }
        first.process.destroy();
        assertThat(first.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(first.process.exitValue()).as(first.err()).isEqualTo(143);
        assertThat(Files.readAllLines(journal).size()).as("stopped before the search ended").isLessThan(here.size() + 1);

        Launched resumed = launch("perceptron-spark", tune(out, "--master", cluster.url()));
        assertThat(resumed.process.waitFor(180, TimeUnit.SECONDS)).as(resumed.err()).isTrue();
        assertThat(resumed.process.exitValue()).as(resumed.err()).isZero();
        assertThat(SparkStopIT.trials(journal)).isEqualTo(SparkStopIT.trials(dir.resolve("here/journal.jsonl")));
        JsonNode done = resumed.events().get(resumed.events().size() - 1);
        for (String field : List.of("best_trial", "best_params", "best_validation_accuracy", "test_accuracy", "test_loss")) {
            assertThat(done.get(field)).as(field).isEqualTo(here.get(here.size() - 1).get(field));
        }
    }

    @Test
    @Order(4) // last: it leaves the cluster one worker short
    void a_worker_killed_mid_search_is_survived_by_spark_retrying_its_trial_with_the_same_bits() throws Exception {
        Path sparkLog = dir.resolve("killed-spark.log");
        Launched run = launch("perceptron-spark", tune(dir.resolve("killed"), "--master", cluster.url()),
                "-Dperceptron.spark.log=" + sparkLog, "-Dperceptron.spark.schedulerLog=info");
        // Both workers' executors busy with the search's first trials (the first take seconds: the
        // executor reads the data and warms up), and none finished: whichever worker dies, a task dies with it.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!bothExecutorsBusy(sparkLog)) {
            assertThat(run.process.isAlive()).as(run.err()).isTrue();
            assertThat(System.nanoTime()).as("two tasks started within 120 s").isLessThan(deadline);
            Thread.sleep(10);
        }
        cluster.killWorker(0);
        assertThat(run.process.waitFor(180, TimeUnit.SECONDS)).as(run.err()).isTrue();
        assertThat(run.process.exitValue()).as(run.err()).isZero();
        assertThat(Files.readString(sparkLog)).as("the worker's executor was lost with a task on it, and Spark ran the task again")
                .contains("Lost executor").contains("its executor exited for a reason unrelated to the task")
                .containsPattern("Starting task 0\\.1 in stage");
        assertThat(run.err()).as("Spark's account of the loss went to its log, not between the search's lines")
                .doesNotContain("Lost executor", "Lost task", "WARN", "ERROR", "\tat ");
        assertSameSearch(run.events());
    }

    @Test
    @Order(2)
    void data_parallel_training_on_the_cluster_gives_the_weights_of_the_same_shards_trained_here() throws Exception {
        String[] here = train(dir.resolve("dp-here.json"));
        String[] there = train(dir.resolve("dp-cluster.json"), "--master", cluster.url());
        Launched local = launch("perceptron", here);
        assertThat(local.process.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(local.process.exitValue()).as(local.err()).isZero();
        Launched run = launch("perceptron-spark", there);
        assertThat(run.process.waitFor(180, TimeUnit.SECONDS)).as(run.err()).isTrue();
        assertThat(run.process.exitValue()).as(run.err()).isZero();
        assertThat(JSON.readTree(dir.resolve("dp-cluster.json").toFile()).get("parameters"))
                .isEqualTo(JSON.readTree(dir.resolve("dp-here.json").toFile()).get("parameters"));
        assertThat(run.events().get(run.events().size() - 1).get("test_accuracy"))
                .isEqualTo(local.events().get(local.events().size() - 1).get("test_accuracy"));
    }

    /** Training images in 8 part files, given as a file: URI: each of the 4 shards' tasks reads its own 2 parts. */
    private static String[] train(Path model, String... more) {
        List<String> args = new ArrayList<>(List.of("train", "--data", parts.toUri().toString(), "--layers", "784,64,10",
                "--epochs", "2", "--augment", "shift", "--shards", "4", "--local-steps", "5", "--json",
                "-o", model.toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    /** The scheduler's log (INFO, by -Dperceptron.spark.schedulerLog) shows tasks started on two executors and none finished. */
    private static boolean bothExecutorsBusy(Path sparkLog) throws IOException {
        String log = Files.exists(sparkLog) ? Files.readString(sparkLog) : "";
        Matcher started = Pattern.compile("Starting task \\S+ in stage \\S+ \\(TID \\d+\\) \\([^,]+,executor (\\d+)").matcher(log);
        Set<String> executors = new HashSet<>();
        while (started.find()) {
            executors.add(started.group(1));
        }
        return executors.size() >= 2 && !log.contains("Finished task");
    }

    private static void assertSameSearch(List<JsonNode> events) {
        assertThat(events).hasSameSizeAs(here);
        for (int e = 0; e < here.size() - 1; e++) {
            for (String field : List.of("trial", "params", "validation_accuracy", "validation_loss", "kept_epoch")) {
                assertThat(events.get(e).get(field)).as("trial event %d, %s", e + 1, field).isEqualTo(here.get(e).get(field));
            }
        }
        JsonNode done = events.get(events.size() - 1);
        for (String field : List.of("best_trial", "best_params", "best_validation_accuracy", "test_accuracy", "test_loss")) {
            assertThat(done.get(field)).as(field).isEqualTo(here.get(here.size() - 1).get(field));
        }
    }

    private static String[] tune(Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("tune", "--data", data.toString(), "--layers", "784,256,10",
                "--epochs", "20", "--augment", "none", "--param", "lr=log:0.01:0.3", "--param", "dropout=0|0.2",
                "--trials", "6", "--json", "--out", out.toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    /** A launcher run in the background, its output in files. */
    record Launched(Process process, Path out, Path errFile) {
        List<JsonNode> events() {
            try {
                return Files.readAllLines(out, StandardCharsets.UTF_8).stream().filter(line -> line.startsWith("{"))
                        .map(StandaloneClusterIT::parse).toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String err() {
            try {
                return Files.readString(errFile, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static Launched launch(String launcher, String[] args, String... javaOptions) throws IOException {
        List<String> command = new ArrayList<>(List.of(ROOT.resolve(launcher).toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, launcher + "-out", ".txt");
        Path err = Files.createTempFile(dir, launcher + "-err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(StandaloneCluster.loopback());
        builder.environment().remove("SPARK_HOME");
        builder.environment().put("PERCEPTRON_JAVA_OPTS", String.join(" ", javaOptions));
        return new Launched(builder.start(), out, err);
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(line, e);
        }
    }
}

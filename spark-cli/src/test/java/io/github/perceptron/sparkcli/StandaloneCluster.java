package io.github.perceptron.sparkcli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real Spark standalone cluster on loopback: a master and workers, each a child JVM started from
 * Spark's own jars, with a SPARK_HOME of links to the build's Spark class path (workers build their
 * executors' class path from {@code SPARK_HOME/jars}). Closing it ends every process it started,
 * executors included.
 */
final class StandaloneCluster implements AutoCloseable {

    private static final Pattern MASTER_URL = Pattern.compile("Starting Spark master at (spark://127\\.0\\.0\\.1:\\d+)");
    private static final long START_SECONDS = 60;

    private final Path home;
    private final Path logs;
    private final List<Process> processes = new ArrayList<>();
    private Process master;
    private String url;

    private StandaloneCluster(Path dir) {
        this.home = dir.resolve("spark-home");
        this.logs = dir.resolve("cluster-logs");
    }

    /** A master on an ephemeral loopback port and {@code workers} workers of one core each. */
    static StandaloneCluster start(Path dir, int workers) throws IOException, InterruptedException {
        StandaloneCluster cluster = new StandaloneCluster(dir);
        try {
            cluster.linkSparkHome();
            cluster.startMaster();
            for (int w = 0; w < workers; w++) {
                cluster.startWorker(w);
            }
            return cluster;
        } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
            cluster.close();
            throw e;
        }
    }

    String url() {
        return url;
    }

    /** The environment every process of the cluster, and its drivers, runs with: loopback only. */
    static Map<String, String> loopback() {
        return Map.of("SPARK_LOCAL_IP", "127.0.0.1", "SPARK_SCALA_VERSION", "2.13");
    }

    Path home() {
        return home;
    }

    /** Kills worker {@code w} and its executor outright, as a machine lost mid-run. */
    void killWorker(int w) throws InterruptedException {
        Process worker = processes.get(w + 1);
        worker.descendants().forEach(ProcessHandle::destroyForcibly);
        worker.destroyForcibly();
        worker.waitFor(30, TimeUnit.SECONDS);
    }

    String logsOf(String name) throws IOException {
        Path log = logs.resolve(name + ".log");
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    @Override
    public void close() {
        for (Process process : processes) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        for (Process process : processes) {
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // The links point into the Maven repository: removed here, the temporary directory's cleanup never follows them.
        try (var links = Files.list(home.resolve("jars"))) {
            for (Path link : (Iterable<Path>) links::iterator) {
                Files.deleteIfExists(link);
            }
        } catch (IOException e) {
            // Nothing was linked yet.
        }
    }

    private void linkSparkHome() throws IOException {
        Path jars = Files.createDirectories(home.resolve("jars"));
        Files.createDirectories(logs);
        for (String entry : SparkClassPath.entries()) {
            Path jar = Path.of(entry);
            Path link = jars.resolve(jar.getFileName());
            if (!Files.exists(link)) {
                Files.createSymbolicLink(link, jar);
            }
        }
    }

    private void startMaster() throws IOException, InterruptedException {
        master = launch("master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port", "0",
                "--webui-port", "0");
        Matcher found = awaitLog("master", MASTER_URL, master);
        url = found.group(1);
        awaitLog("master", Pattern.compile("I have been elected leader"), master);
    }

    private void startWorker(int w) throws IOException, InterruptedException {
        Path work = Files.createDirectories(home.resolve("work-" + w));
        Process worker = launch("worker-" + w, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--port", "0",
                "--webui-port", "0", "--cores", "1", "--memory", "1g", "--work-dir", work.toString(), url);
        awaitLog("worker-" + w, Pattern.compile("Successfully registered with master"), worker);
    }

    private Process launch(String name, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m"));
        command.addAll(List.of(SparkClassPath.OPENS));
        command.addAll(List.of("-cp", home.resolve("jars") + "/*", mainClass));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(logs.resolve(name + ".log").toFile());
        builder.environment().putAll(loopback());
        builder.environment().put("SPARK_HOME", home.toString());
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    private Matcher awaitLog(String name, Pattern pattern, Process process) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
        while (System.nanoTime() < deadline) {
            Matcher matcher = pattern.matcher(logsOf(name));
            if (matcher.find()) {
                return matcher;
            }
            if (!process.isAlive()) {
                throw new AssertionError(name + " ended (" + process.exitValue() + "): " + logsOf(name));
            }
            Thread.sleep(100);
        }
        throw new AssertionError(name + " did not log '" + pattern + "' within " + START_SECONDS + " s: " + logsOf(name));
    }
}

package io.github.perceptron.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.perceptron.cli.compare.ComparePreset;
import io.github.perceptron.cli.train.Interrupts;
import io.github.perceptron.core.data.LabelledImages;
import io.github.perceptron.core.testing.SyntheticImages;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line as users and scripts see it: exit codes, one-line errors, parseable JSON. */
class CommandLineTest {

    @TempDir
    static Path dir;
    private static Path data;
    private static Path model;
    private static Map<String, String> environment;
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void trainSmallModel() throws IOException {
        data = Files.createDirectories(dir.resolve("digits"));
        IdxFixtures.write(data, "train", SyntheticImages.blobs(600, 28, 28, 10, 1));
        IdxFixtures.write(data, "t10k", SyntheticImages.blobs(100, 28, 28, 10, 2));
        environment = Map.of("PERCEPTRON_DATA", dir.resolve("cache").toString());
        model = dir.resolve("model.json");
        CommandLineRun run = CommandLineRun.of(environment, "train", "--data", data.toString(), "--layers", "784,16,10",
                "--epochs", "2", "--augment", "none", "--dropout", "0", "--json", "-o", model.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @Test
    void help_lists_the_commands_and_version_names_the_tool() {
        CommandLineRun help = CommandLineRun.of(environment, "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("fetch", "train", "evaluate", "info", "predict");
        CommandLineRun version = CommandLineRun.of(environment, "--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("perceptron ");
        assertThat(CommandLineRun.of(environment, "train", "--help").out()).contains("--layers", "--optimizer", "--json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"fetch", "train", "evaluate", "info", "predict", "bench", "compare", "tune"})
    void every_help_text_renders_without_a_format_warning(String command) {
        // picocli reports a description it cannot format (a lone '%') on System.err and prints it raw
        java.io.PrintStream original = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true));
        CommandLineRun help;
        try {
            help = CommandLineRun.of(environment, command, "--help");
        } finally {
            System.setErr(original);
        }
        assertThat(help.exitCode()).isZero();
        assertThat(captured.toString()).doesNotContain("picocli WARN");
    }

    @ParameterizedTest
    @ValueSource(strings = {"train --bogus", "train --epochs many", "frobnicate", "evaluate", "predict --model m.json",
            "train --activation swish", "train --optimizer lion", "train --lr -1", "train --schedule step:x",
            "train --dropout 1.5", "train --layers 784", "train --augment flip", "train --threads 0", "train --format xml", "train --warmup NaN", "train --warmup -1", "bench --warmup-epochs -1", "train --patience -2",
        "train --validation 1.5", "train --validation ten", "train --validation -3", "train --patience 2 --monitor f1",
        "train --class-weights 1,x", "train --class-weights 1,2", "train --class-weights -1,1,1,1,1,1,1,1,1,1",
        "train --label-smoothing 0.7", "train --label-smoothing x", "train --loss mse --label-smoothing 0.1",
        "train --average-last -1", "train --epochs 2 --average-last 3", "train --average-last 2 --checkpoint-every 1",
        "train --average-last 2 --patience 3", "train --average-last 2 --shards 2",
        "train --committee 2 --average-last 2 --patience 2", "compare --committee --seeds 1"})
    void usage_errors_exit_2_with_two_lines_and_no_stack_trace(String args) {
        CommandLineRun run = CommandLineRun.of(environment, (args + " --data " + data).split(" "));
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.errorLines()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).doesNotContain("\tat ");
    }

    @Test
    /**
     * A plan that does not fit the data is found when the two meet, in core: exit 1 with core's
     * message naming both, not a usage error pointing to --help (issue 29: errors by kind).
     */
    void layers_that_do_not_fit_the_images_are_refused_naming_both() {
        CommandLineRun run = CommandLineRun.of(environment, "train", "--data", data.toString(), "--layers", "100,10");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("the images are 28×28 = 784 pixels but the network's first layer takes 100")
                .doesNotContain("--help");
    }

    @Test
    void a_missing_or_corrupt_model_fails_with_one_line_and_exit_1() throws IOException {
        CommandLineRun missing = CommandLineRun.of(environment, "info", "--model", dir.resolve("nope.json").toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).isEqualToIgnoringNewLines("perceptron: " + dir.resolve("nope.json") + ": file not found");
        Path corrupt = Files.writeString(dir.resolve("corrupt.json"), "{\"format\": \"perceptron-model\"");
        CommandLineRun bad = CommandLineRun.of(environment, "evaluate", "--model", corrupt.toString(), "--data", data.toString());
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.errorLines()).isEqualTo(1);
        assertThat(bad.err()).startsWith("perceptron: " + corrupt + ": not valid JSON");
    }

    @Test
    void divergence_fails_with_one_line_naming_epoch_batch_and_the_fix() {
        CommandLineRun run = CommandLineRun.of(environment, "train", "--data", data.toString(), "--layers", "784,16,10",
                "--lr", "1e30", "--epochs", "2", "--augment", "none", "-q", "-o", dir.resolve("diverged.json").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errorLines()).isEqualTo(1);
        assertThat(run.err()).matches("(?s)perceptron: training diverged at epoch \\d+, batch \\d+: the loss is .*; "
                + "try a smaller learning rate than .*");
        assertThat(dir.resolve("diverged.json")).doesNotExist();
    }

    @Test
    void divergence_after_a_regular_checkpoint_names_that_checkpoint_which_stays_readable() {
        Path checkpoint = dir.resolve("exploding.checkpoint.json");
        // Epoch 1 trains at 0.01 and is checkpointed; the step schedule then multiplies the rate by 1e30.
        CommandLineRun run = CommandLineRun.of(environment, "train", "--data", data.toString(), "--layers", "784,16,10",
                "--lr", "0.01", "--schedule", "step:1:1e30", "--epochs", "3", "--checkpoint-every", "1", "--augment",
                "none", "-q", "-o", dir.resolve("exploding.json").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errorLines()).isEqualTo(1);
        assertThat(run.err()).contains("training diverged at epoch 2").endsWith(
                "; the last checkpoint before it, from epoch 1, is " + checkpoint + System.lineSeparator());
        assertThat(new io.github.perceptron.persistence.JsonCheckpointStore().load(checkpoint).epoch()).isEqualTo(1);
    }

    @Test
    void broken_data_fails_with_one_line_naming_the_file() throws IOException {
        Path broken = Files.createDirectories(dir.resolve("broken"));
        IdxFixtures.write(broken, "train", SyntheticImages.blobs(10, 28, 28, 10, 1));
        IdxFixtures.write(broken, "t10k", SyntheticImages.blobs(10, 28, 28, 10, 1));
        Path labels = broken.resolve("train-labels-idx1-ubyte");
        Files.write(labels, java.util.Arrays.copyOf(Files.readAllBytes(labels), 12));
        CommandLineRun run = CommandLineRun.of(environment, "train", "--data", broken.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualToIgnoringNewLines("perceptron: " + labels
                + ": truncated: the header promises 10 data bytes but the file holds 4");
    }

    @Test
    void train_json_prints_one_parseable_epoch_event_per_epoch_and_a_done_event() throws IOException {
        Path out = dir.resolve("json-model.json");
        CommandLineRun run = CommandLineRun.of(environment, "train", "--data", data.toString(), "--layers", "784,16,10",
                "--epochs", "3", "--augment", "none", "--dropout", "0", "--json", "-o", out.toString());
        assertThat(run.exitCode()).isZero();
        List<JsonNode> events = run.out().lines().map(CommandLineTest::parse).toList();
        assertThat(events).hasSize(4);
        assertThat(events.get(0).get("event").asText()).isEqualTo("epoch");
        assertThat(events.get(2).get("epoch").asInt()).isEqualTo(3);
        for (String field : List.of("train_loss", "train_accuracy", "test_loss", "test_accuracy", "seconds")) {
            assertThat(events.get(0).has(field)).as(field).isTrue();
        }
        JsonNode done = events.get(3);
        assertThat(done.get("event").asText()).isEqualTo("done");
        assertThat(done.get("test_accuracy").asDouble()).isBetween(0.9, 1.0);
        assertThat(done.get("epochs").asInt()).isEqualTo(3);
        assertThat(done.get("seconds_per_epoch_median").asDouble()).isPositive();
        assertThat(done.get("model").asText()).isEqualTo(out.toString());
        assertThat(out).exists();
    }

    @Test
    void resume_from_a_checkpoint_gives_the_same_model_as_an_uninterrupted_run() throws IOException {
        String[] common = {"train", "--data", data.toString(), "--layers", "784,12,10", "--epochs", "3", "-q"};
        Path whole = dir.resolve("whole.json");
        assertThat(CommandLineRun.of(environment, concat(common, "-o", whole.toString())).exitCode()).isZero();
        // Stopped after its first epoch, as Ctrl-C stops it: a stop asked for before training starts.
        Path partial = dir.resolve("partial.json");
        Path checkpoint = dir.resolve("partial.checkpoint.json");
        java.io.StringWriter stopErr = new java.io.StringWriter();
        int stopped = Main.run(concat(common, "-o", partial.toString()), new java.io.PrintWriter(new java.io.StringWriter()),
                new java.io.PrintWriter(stopErr, true), environment, false, (err, stopping) -> {
                    Interrupts interrupts = Interrupts.unhandled(err, stopping);
                    interrupts.receive(Interrupts.StopSignal.INT);
                    return interrupts;
                });
        assertThat(stopped).as(stopErr.toString()).isEqualTo(130);
        assertThat(new io.github.perceptron.persistence.JsonCheckpointStore().load(checkpoint).epoch())
                .as("resumed from the middle of the run, not its end").isEqualTo(1);
        Path resumed = dir.resolve("resumed.json");
        CommandLineRun resume = CommandLineRun.of(environment, "train", "--data", data.toString(), "--resume",
                checkpoint.toString(), "-q", "-o", resumed.toString());
        assertThat(resume.exitCode()).as(resume.err()).isZero();
        assertThat(JSON.readTree(resumed.toFile()).get("parameters"))
                .isEqualTo(JSON.readTree(whole.toFile()).get("parameters"));
    }

    /** Weight averaging's running mean is not checkpointed: a stop inside its epochs says so; before them it resumes. */
    @Test
    void a_stop_inside_the_averaged_epochs_saves_nothing_and_one_before_them_resumes_to_the_same_model() throws IOException {
        String[] common = {"train", "--data", data.toString(), "--layers", "784,12,10", "--epochs", "3", "-q"};
        Path inside = dir.resolve("inside.json");
        java.io.StringWriter insideErr = new java.io.StringWriter();
        int code = stoppedAfterTheFirstEpoch(concat(common, "--average-last", "3", "-o", inside.toString()), insideErr);
        assertThat(code).as(insideErr.toString()).isEqualTo(130);
        assertThat(insideErr.toString()).contains("perceptron: interrupted: stopping after this epoch, one of the last 3 "
                + "whose weights --average-last averages: that average cannot be checkpointed, so nothing will be saved")
                .contains("perceptron: stopped after epoch 1, inside the last 3 "
                + "epochs whose weights --average-last averages; that average is not checkpointed, so this run cannot be "
                + "resumed: nothing was saved").doesNotContain("checkpoint saved", "--resume");
        assertThat(inside).doesNotExist();
        assertThat(dir.resolve("inside.checkpoint.json")).doesNotExist();

        Path whole = dir.resolve("averaged-whole.json");
        assertThat(CommandLineRun.of(environment, concat(common, "--average-last", "2", "-o", whole.toString())).exitCode())
                .isZero();
        Path before = dir.resolve("before.json");
        java.io.StringWriter beforeErr = new java.io.StringWriter();
        assertThat(stoppedAfterTheFirstEpoch(concat(common, "--average-last", "2", "-o", before.toString()), beforeErr))
                .as(beforeErr.toString()).isEqualTo(130);
        assertThat(beforeErr.toString()).contains("perceptron: interrupted: stopping after this epoch to save a checkpoint");
        Path resumed = dir.resolve("averaged-resumed.json");
        CommandLineRun resume = CommandLineRun.of(environment, "train", "--data", data.toString(), "--resume",
                dir.resolve("before.checkpoint.json").toString(), "-q", "-o", resumed.toString());
        assertThat(resume.exitCode()).as(resume.err()).isZero();
        assertThat(JSON.readTree(resumed.toFile()).get("parameters"))
                .isEqualTo(JSON.readTree(whole.toFile()).get("parameters"));
    }

    /** Runs {@code args} as Ctrl-C stops it when pressed before training starts: after its first epoch. */
    private static int stoppedAfterTheFirstEpoch(String[] args, java.io.StringWriter err) {
        return Main.run(args, new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(err, true),
                environment, false, (stderr, stopping) -> {
                    Interrupts interrupts = Interrupts.unhandled(stderr, stopping);
                    interrupts.receive(Interrupts.StopSignal.INT);
                    return interrupts;
                });
    }

    @Test
    void resuming_from_a_file_that_is_not_a_checkpoint_fails_with_one_line() {
        CommandLineRun run = CommandLineRun.of(environment, "train", "--data", data.toString(), "--resume", model.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualToIgnoringNewLines("perceptron: " + model
                + ": field 'format' is 'perceptron-model', not 'perceptron-checkpoint'");
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    @Test
    void plot_writes_a_decodable_png_and_a_well_formed_svg() throws Exception {
        Path png = dir.resolve("plots/curve.png");
        Path svg = dir.resolve("plots/curve.svg");
        for (Path plot : List.of(png, svg)) {
            CommandLineRun run = CommandLineRun.of(environment, "train", "--data", data.toString(), "--layers", "784,8,10",
                    "--epochs", "3", "-q", "-o", dir.resolve("plotted.json").toString(), "--plot", plot.toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
        }
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1100);
        assertThat(image.getHeight()).isEqualTo(460);
        var document = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        assertThat(document.getElementsByTagName("polyline").getLength()).isEqualTo(4);
        assertThat(Files.readString(svg)).contains(">Loss<", ">Accuracy<", ">training<", ">test<", ">epoch<");
    }

    @Test
    void bench_json_ends_with_the_figures_scripts_read() {
        CommandLineRun run = CommandLineRun.of(environment, "bench", "--layers", "784,10", "--epochs", "1",
                "--warmup-epochs", "0", "--threads", "2", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        JsonNode done = parse(lines.get(lines.size() - 1));
        assertThat(done.get("event").asText()).isEqualTo("done");
        assertThat(done.get("threads").asInt()).isEqualTo(2);
        assertThat(done.get("epochs").asInt()).isEqualTo(1);
        assertThat(done.get("warmup_epochs").asInt()).isZero();
        for (String field : List.of("seconds_per_epoch_median", "samples_per_second", "gflops")) {
            assertThat(done.get(field).asDouble()).as(field).isPositive();
        }
        assertThat(done.get("gflop_per_epoch").asDouble()).isCloseTo(2 * 2 * 60_000 * 7840 / 1e9, org.assertj.core.api.Assertions.within(1e-9));
        // Which path ran, so that a figure always carries its CPU.
        assertThat(done.get("kernel").asText()).isIn("vector", "portable");
        assertThat(done.get("vector_bits").asInt()).isIn(done.get("kernel").asText().equals("vector")
                ? List.of(128, 256, 512) : List.of(0));
        assertThat(done.get("cpu_flags").isArray()).isTrue();
        if (System.getProperty("os.arch").equals("amd64")) {
            assertThat(done.get("cpu_flags").toString()).contains("avx2");
        }
    }

    @Test
    void bench_counts_only_the_epochs_after_the_warm_up() {
        CommandLineRun run = CommandLineRun.of(environment, "bench", "--layers", "784,10", "--epochs", "2",
                "--warmup-epochs", "1", "--threads", "1");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().filter(line -> line.startsWith("epoch "))).containsExactly(
                run.out().lines().filter(line -> line.startsWith("epoch 1:")).findFirst().orElseThrow(),
                run.out().lines().filter(line -> line.startsWith("epoch 2:")).findFirst().orElseThrow());
        assertThat(run.out()).contains("median of 2");
    }

    @Test
    void patience_stops_when_held_out_accuracy_stops_improving_and_keeps_the_best_epoch() {
        // A learning rate too small to change any prediction: no epoch after the first improves.
        CommandLineRun run = CommandLineRun.of(environment, "train", "--data", data.toString(), "--layers", "784,8,10",
                "--epochs", "10", "--lr", "1e-12", "--patience", "2", "--validation", "100", "--json",
                "-o", dir.resolve("patient.json").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<JsonNode> events = run.out().lines().map(CommandLineTest::parse).toList();
        assertThat(events).extracting(e -> e.get("event").asText())
                .containsExactly("validation_split", "epoch", "epoch", "epoch", "stopped", "done");
        JsonNode split = events.get(0);
        assertThat(split.get("validation_images").asInt()).isEqualTo(100);
        assertThat(split.get("kind").asText()).isEqualTo("stratified");
        int perClass = 0;
        for (JsonNode count : split.get("validation_per_class")) {
            perClass += count.asInt();
        }
        assertThat(perClass).isEqualTo(100);
        assertThat(events.get(1).has("validation_accuracy")).isTrue();
        assertThat(events.get(1).has("test_accuracy")).isFalse();
        JsonNode stopped = events.get(4);
        assertThat(stopped.get("reason").asText()).isEqualTo("patience");
        assertThat(stopped.get("epoch").asInt()).isEqualTo(3);
        assertThat(stopped.get("best_epoch").asInt()).isEqualTo(1);
        assertThat(events.get(5).get("kept_epoch").asInt()).isEqualTo(1);
    }

    @Test
    void class_weights_train_and_every_report_gives_the_recall_of_each_class() {
        CommandLineRun run = CommandLineRun.of(environment, "train", "--data", data.toString(), "--layers", "784,8,10",
                "--epochs", "1", "--class-weights", "balanced", "--json", "-o", dir.resolve("weighted.json").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode done = parse(run.out().lines().reduce((a, b) -> b).orElseThrow());
        assertThat(done.get("test_recall").size()).isEqualTo(10);
        CommandLineRun console = CommandLineRun.of(environment, "train", "--data", data.toString(), "--layers", "784,8,10",
                "--epochs", "1", "-q", "-o", dir.resolve("plain.json").toString());
        assertThat(console.out()).containsPattern("test recall per class: 0 \\d+\\.\\d%, 1 ");
        CommandLineRun info = CommandLineRun.of(environment, "info", "--model", dir.resolve("weighted.json").toString());
        assertThat(info.out()).contains("classWeights   balanced", "kept epoch   1: the last epoch", "data",
                "machine      ", " kernel, ", "layers         784, 8, 10\n", "schedule       cosine finalFraction=0.0\n")
                .doesNotContain("Cosine[");
        CommandLineRun infoJson = CommandLineRun.of(environment, "info", "--json", "--model",
                dir.resolve("weighted.json").toString());
        assertThat(infoJson.exitCode()).as(infoJson.err()).isZero();
        JsonNode whole = parse(infoJson.out().strip());
        assertThat(whole.get("input").fieldNames()).toIterable().containsExactly("width", "height");
        JsonNode provenance = whole.get("provenance");
        assertThat(provenance.at("/plan/classWeights").asText()).isEqualTo("balanced");
        // Plain data (issue 29): numbers are numbers, the schedule an object; no Java toString.
        assertThat(provenance.at("/plan/layers").toString()).isEqualTo("[784,8,10]");
        assertThat(provenance.at("/plan/epochs").isIntegralNumber()).isTrue();
        assertThat(provenance.at("/plan/schedule/type").asText()).isEqualTo("cosine");
        assertThat(infoJson.out()).doesNotContain("[finalFraction", "Cosine[", "Nesterov[");
        assertThat(provenance.get("data").fieldNames()).toIterable().containsExactly("train", "test", "validation");
        assertThat(provenance.at("/data/train").asText()).startsWith("sha256:");
        assertThat(provenance.get("kept_epoch").asInt()).isEqualTo(1);
        // The machine, filled by the command line (core reads no system property or /proc file itself).
        assertThat(provenance.at("/machine/java").asText()).contains(System.getProperty("java.version"));
        assertThat(provenance.at("/machine/cpu").asText()).endsWith(System.getProperty("os.arch"));
    }

    @Test
    void patience_without_a_validation_split_holds_out_a_tenth_and_says_so_on_one_line() {
        CommandLineRun run = CommandLineRun.of(environment, "train", "--data", data.toString(), "--layers", "784,8,10",
                "--epochs", "3", "--patience", "1", "--json", "-o", dir.resolve("tenth.json").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err().lines().filter(line -> line.contains("holding out 10%"))).hasSize(1);
        JsonNode split = parse(run.out().lines().findFirst().orElseThrow());
        int total = split.get("validation_images").asInt() + split.get("training_images").asInt();
        assertThat(split.get("validation_images").asInt()).isEqualTo(Math.round(total * 0.1f));
        assertThat(run.out().lines().filter(line -> line.contains("\"event\":\"epoch\"")))
                .hasSize(3).allSatisfy(line -> assertThat(line).contains("\"validation_accuracy\"").doesNotContain("test_"));
    }

    @Test
    void compare_writes_a_report_with_every_configuration_csv_rows_and_plots() throws Exception {
        Path out = dir.resolve("compare");
        Path report = dir.resolve("docs/experiments.md");
        CommandLineRun run = CommandLineRun.of(environment, "compare", "--data", data.toString(), "--seeds", "2",
                "--epochs", "2", "--out", out.toString(), "--report", report.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        String markdown = Files.readString(report);
        for (ComparePreset.Run configuration : ComparePreset.SEED_TASKS.runs()) {
            assertThat(markdown).contains("| " + configuration.name() + " | ");
        }
        assertThat(markdown).contains("](../compare/accuracy.png)", "## Did it help?", "Softmax after a sigmoid");
        // Named, not located: the report is committed and read by others ("digits (idx)", not a path).
        assertThat(markdown).contains("` on digits (idx).").doesNotContain(dir.toString());
        // Seconds of training per run: sub-minute runs read as more than "0.0".
        assertThat(markdown).contains("| training s/run |").doesNotContainPattern("\\| 0\\.0 \\|\\n");
        // A header, then 10 configurations × 2 seeds × 2 epochs.
        assertThat(Files.readAllLines(out.resolve("results.csv"))).hasSize(1 + 10 * 2 * 2);
        assertThat(ImageIO.read(out.resolve("accuracy.png").toFile()).getWidth()).isEqualTo(1150);
        assertThat(ImageIO.read(out.resolve("loss.png").toFile())).isNotNull();
    }

    @Test
    void compare_best_reports_one_configuration_over_seeds_without_the_task_verdicts() throws Exception {
        Path out = dir.resolve("best");
        CommandLineRun run = CommandLineRun.of(environment, "compare", "--preset", "best", "--data", data.toString(),
                "--seeds", "2", "--epochs", "1", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        String markdown = Files.readString(out.resolve("report.md"));
        assertThat(markdown).contains("| best: [784,800,800,10] elastic + shift | ", "--preset best --seeds 2 --epochs 1",
                "training s/run").doesNotContain("## Did it help?", "Softmax after a sigmoid");
        assertThat(Files.readAllLines(out.resolve("results.csv"))).hasSize(1 + 2);
    }

    /** The committee compare makes of a configuration's seeds is the one train --committee makes: evaluate agrees. */
    @Test
    void compare_committee_reports_the_seeds_committee_as_evaluate_measures_it() throws Exception {
        Path out = dir.resolve("best-committee");
        CommandLineRun run = CommandLineRun.of(environment, "compare", "--preset", "best", "--data", data.toString(),
                "--seeds", "2", "--epochs", "1", "--committee", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> recipe = ComparePreset.BEST.runs().get(0).options();
        Path committee = dir.resolve("seeds-committee.json");
        List<String> train = new java.util.ArrayList<>(List.of("train", "--data", data.toString(), "--committee", "2",
                "--seed", "1", "--epochs", "1", "-q", "-o", committee.toString()));
        train.addAll(recipe);
        CommandLineRun trained = CommandLineRun.of(environment, train.toArray(String[]::new));
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        JsonNode evaluated = parse(CommandLineRun.of(environment, "evaluate", "--model", committee.toString(), "--data",
                data.toString(), "--json").out().strip());
        String accuracy = String.format(java.util.Locale.ROOT, "%.2f%%", 100 * evaluated.get("accuracy").asDouble());
        String best = String.format(java.util.Locale.ROOT, "%.2f%%", 100 * java.util.stream.StreamSupport
                .stream(evaluated.get("members").spliterator(), false).mapToDouble(m -> m.get("accuracy").asDouble())
                .max().orElseThrow());
        assertThat(run.out()).contains("best: [784,800,800,10] elastic + shift committee of 2 seeds: test accuracy "
                + accuracy + " against its best member's " + best);
        assertThat(Files.readString(out.resolve("report.md"))).contains("## Committees of the seeds",
                "| best: [784,800,800,10] elastic + shift | " + accuracy + " | " + best, "--epochs 1 --committee");
    }

    @Test
    void evaluate_json_carries_accuracy_loss_confusion_and_per_class_figures() {
        CommandLineRun run = CommandLineRun.of(environment, "evaluate", "--model", model.toString(), "--data", data.toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode result = parse(run.out().strip());
        assertThat(result.get("accuracy").asDouble()).isBetween(0.9, 1.0);
        assertThat(result.get("confusion_matrix")).hasSize(10);
        assertThat(result.get("per_class").get(3).get("class").asText()).isEqualTo("3");
        assertThat(result.has("loss")).isTrue();
    }

    @Test
    void evaluate_prints_a_confusion_matrix_for_people() {
        CommandLineRun run = CommandLineRun.of(environment, "evaluate", "--model", model.toString(), "--data", data.toString());
        assertThat(run.out()).contains("accuracy", "confusion matrix", "precision", "recall");
        // Digit classes are named by their index: each row says it once ("7", not "7 7").
        assertThat(run.out()).containsPattern("(?m)^ {11}7 ").doesNotContain(" 7 7 ");
    }

    @Test
    void info_describes_the_model() {
        CommandLineRun run = CommandLineRun.of(environment, "info", "--model", model.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("dense 16 relu", "dense 10 softmax", "12,730", "28×28");
    }

    @Test
    void predict_classifies_a_png_and_an_idx_image() throws IOException {
        LabelledImages test = SyntheticImages.blobs(100, 28, 28, 10, 2);
        Path png = dir.resolve("digit.png");
        BufferedImage image = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        for (int p = 0; p < 784; p++) {
            image.getRaster().setSample(p % 28, p / 28, 0, test.pixel(0, p));
        }
        ImageIO.write(image, "png", png.toFile());
        CommandLineRun run = CommandLineRun.of(environment, "predict", "--model", model.toString(), png.toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode prediction = parse(run.out().strip());
        assertThat(prediction.get("file").asText()).isEqualTo(png.toString());
        assertThat(prediction.get("probabilities")).hasSize(10);
        CommandLineRun idx = CommandLineRun.of(environment, "predict", "--model", model.toString(),
                "--idx", data.resolve("t10k-images-idx3-ubyte").toString(), "--index", "0");
        assertThat(idx.exitCode()).as(idx.err()).isZero();
        assertThat(idx.out()).startsWith(data.resolve("t10k-images-idx3-ubyte") + "#0: " + test.label(0) + " (");
    }

    @Test
    void predict_on_a_file_that_is_not_an_image_says_so() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.png"), "hello");
        CommandLineRun run = CommandLineRun.of(environment, "predict", "--model", model.toString(), text.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualToIgnoringNewLines("perceptron: " + text + ": not an image this tool reads (PNG, JPEG, GIF or BMP)");
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }
}

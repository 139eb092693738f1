package io.github.perceptron.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.perceptron.core.checkpoint.TrainingCheckpoint;
import io.github.perceptron.core.testing.SyntheticImages;
import io.github.perceptron.core.train.KernelInfo;
import io.github.perceptron.persistence.JsonCheckpointStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Sizes nobody bounded and options that were quietly bent: each a usage error naming the option, before training. */
class SizesAndOptionsTest {

    @TempDir
    static Path dir;
    private static Path data;
    private static Map<String, String> environment;

    @BeforeAll
    static void data() throws IOException {
        data = IdxFixtures.dataset(dir, "digits", 200, 20);
        environment = Map.of("PERCEPTRON_DATA", dir.resolve("cache").toString());
    }

    private static CommandLineRun train(String... options) {
        String[] args = new String[options.length + 5];
        args[0] = "train";
        args[1] = "--data";
        args[2] = data.toString();
        args[3] = "-o";
        args[4] = dir.resolve("model.json").toString();
        System.arraycopy(options, 0, args, 5, options.length);
        return CommandLineRun.of(environment, args);
    }

    /** hdfs:// and s3a:// were read as relative local paths ("hdfs:/nn/digits: no such directory"). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"hdfs://namenode:8020/digits|hdfs", "s3a://bucket/digits|s3a", "gs://bucket/digits|gs"})
    void a_remote_file_system_is_refused_in_one_line_saying_to_mount_it(String uri, String scheme) {
        CommandLineRun run = CommandLineRun.of(environment, "train", "--data", uri, "--epochs", "1", "-o",
                dir.resolve("remote.json").toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains("'" + uri + "': " + scheme + ": file systems are not read yet; mount it")
                .doesNotContain("Exception");
        assertThat(run.errorLines()).isEqualTo(2);
        assertThat(dir.resolve("remote.json")).doesNotExist();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--layers|784,1000000000,10|--layers 784,1000000000,10: hidden layer 1 is 1000000000, outside 1..65536",
        "--layers|784,65536,65537,10|--layers 784,65536,65537,10: hidden layer 2 is 65537, outside 1..65536",
        "--layers|784,99999999999,10|--layers 784,99999999999,10: '99999999999' is not a layer size",
        "--layers|784,,10|--layers 784,,10: '' is not a layer size",
        "--dropout|-0.1|--dropout must be a rate in [0, 1), was -0.1",
        "--dropout|NaN|--dropout must be a rate in [0, 1), was NaN"})
    void bad_sizes_and_rates_are_usage_errors_naming_the_option(String option, String value, String message) {
        CommandLineRun run = train(option, value, "--epochs", "1");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains(message).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(run.errorLines()).isEqualTo(2);
        assertThat(dir.resolve("model.json")).doesNotExist();
    }

    /**
     * A batch larger than the training set is found when the plan meets the data, in core: one
     * line naming both, exit 1, no pointer to --help (issue 29: errors by kind).
     */
    @org.junit.jupiter.api.Test
    void a_batch_larger_than_the_data_is_refused_naming_both() {
        CommandLineRun run = train("--batch", "2147483647", "--epochs", "1");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).contains("the batch size 2147483647 is larger than the 200 training images")
                .doesNotContain("--help").doesNotContain("\tat ");
        assertThat(dir.resolve("model.json")).doesNotExist();
    }

    @Test
    void layers_given_twice_is_refused_not_joined() {
        CommandLineRun run = train("--layers", "784,32,10", "--layers", "784,64,10", "--epochs", "1");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains("--layers").contains("should be specified only once");
    }

    @Test
    void an_empty_test_set_is_a_failed_run_not_zero_of_zero() throws IOException {
        Path empty = IdxFixtures.dataset(dir, "no-test", 200, 0);
        CommandLineRun run = CommandLineRun.of(environment, "train", "--data", empty.toString(), "--epochs", "1",
                "--layers", "784,8,10", "-o", dir.resolve("m.json").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("the test split holds no images");
        assertThat(run.out()).doesNotContain("0/0");
    }

    @Test
    void test_images_of_another_size_fail_before_the_first_epoch_as_a_data_fault() throws IOException {
        Path mixed = Files.createDirectories(dir.resolve("mixed"));
        IdxFixtures.write(mixed, "train", SyntheticImages.blobs(200, 28, 28, 10, 1));
        IdxFixtures.write(mixed, "t10k", SyntheticImages.blobs(20, 30, 30, 10, 2));
        CommandLineRun run = CommandLineRun.of(environment, "train", "--data", mixed.toString(), "--epochs", "1",
                "--layers", "784,8,10", "-o", dir.resolve("m.json").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("the test images are 30×30 pixels, the training images 28×28");
        assertThat(run.out()).doesNotContain("epoch 1/1");
    }

    @Test
    void resume_refuses_options_it_would_ignore_and_applies_threads_and_more_epochs() {
        Path model = dir.resolve("resumable.json");
        Path checkpoint = dir.resolve("resumable.checkpoint.json");
        CommandLineRun first = CommandLineRun.of(environment, "train", "--data", data.toString(), "--layers", "784,8,10",
                "--epochs", "2", "--checkpoint-every", "1", "-q", "-o", model.toString());
        assertThat(first.exitCode()).as(first.err()).isZero();

        CommandLineRun bent = CommandLineRun.of(environment, "train", "--data", data.toString(), "--resume",
                checkpoint.toString(), "--layers", "784,64,10", "--lr", "0.5", "--epochs", "9", "-o", model.toString());
        assertThat(bent.exitCode()).isEqualTo(2);
        assertThat(bent.err()).contains("--layers, --lr do not apply with --resume");

        // Early stopping and the split are the checkpoint's plan too.
        CommandLineRun patient = CommandLineRun.of(environment, "train", "--data", data.toString(), "--resume",
                checkpoint.toString(), "--patience", "3", "--validation", "0.2", "-o", model.toString());
        assertThat(patient.exitCode()).isEqualTo(2);
        assertThat(patient.err()).contains("--validation, --patience do not apply with --resume");

        CommandLineRun threads = CommandLineRun.of(environment, "train", "--data", data.toString(), "--resume",
                checkpoint.toString(), "--threads", "1", "-q", "-o", model.toString());
        assertThat(threads.exitCode()).as(threads.err()).isZero();

        // --epochs extends the run, and says that the schedule now spans the new count.
        CommandLineRun longer = CommandLineRun.of(environment, "train", "--data", data.toString(), "--resume",
                checkpoint.toString(), "--epochs", "3", "--json", "-o", model.toString());
        assertThat(longer.exitCode()).as(longer.err()).isZero();
        assertThat(longer.err()).contains("--epochs 3 applied: the run continues to epoch 3 instead of 2");
        assertThat(longer.out().lines().filter(line -> line.contains("\"event\":\"epoch\""))).singleElement()
                .satisfies(line -> assertThat(line).contains("\"epoch\":3,"));
        CommandLineRun shorter = CommandLineRun.of(environment, "train", "--data", data.toString(), "--resume",
                checkpoint.toString(), "--epochs", "1", "-o", model.toString());
        assertThat(shorter.exitCode()).isEqualTo(2);
        assertThat(shorter.err()).contains("--epochs 1 with --resume must be more than the 2 epochs the checkpoint has done");

        // A checkpoint trained with the other kernel kind resumes silently: both kinds give the same bits.
        JsonCheckpointStore store = new JsonCheckpointStore();
        TrainingCheckpoint saved = store.load(checkpoint);
        String other = KernelInfo.name().equals("vector") ? "portable" : "vector";
        store.save(new TrainingCheckpoint(saved.model(), saved.plan(), saved.epoch(), saved.state(), saved.best(), saved.validation(), other),
                checkpoint);
        CommandLineRun otherKernel = CommandLineRun.of(environment, "train", "--data", data.toString(), "--resume",
                checkpoint.toString(), "--epochs", "3", "-q", "-o", model.toString());
        assertThat(otherKernel.exitCode()).as(otherKernel.err()).isZero();
        assertThat(otherKernel.err()).doesNotContain("warning").doesNotContain(other);
    }
}

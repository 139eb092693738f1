package io.github.perceptron.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where {@code train} writes, as users type it: devices and FIFOs, the model's own path given
 * twice, the data's own directory, directories and symbolic links. What is there and not a
 * regular file of ours is never replaced, and every refusal comes before any training.
 */
class OutputPathsTest {

    @TempDir
    static Path dir;
    private static Path data;
    private static Path model;
    private static byte[] modelBytes;
    private static Map<String, String> environment;

    @BeforeAll
    static void trainSmallModel() throws IOException {
        data = IdxFixtures.dataset(dir, "digits", 300, 50);
        environment = Map.of("PERCEPTRON_DATA", dir.resolve("cache").toString());
        model = dir.resolve("model.json");
        CommandLineRun run = train("-o", model.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        modelBytes = Files.readAllBytes(model);
    }

    private static CommandLineRun train(String... options) {
        List<String> args = new ArrayList<>(List.of("train", "--data", data.toString(), "--layers", "784,8,10",
                "--epochs", "1", "--augment", "none", "--json"));
        args.addAll(List.of(options));
        return CommandLineRun.of(environment, args.toArray(String[]::new));
    }

    private static void assertRefused(CommandLineRun run, String... fragments) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.errorLines()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).contains(fragments).contains("nothing was written");
        assertThat(run.out()).as("refused before training").doesNotContain("\"event\":\"epoch\"");
    }

    @Test
    void a_fifo_given_as_any_output_is_refused_and_stays_a_fifo() throws Exception {
        Path fifo = dir.resolve("pipe");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        for (String option : List.of("--out", "--checkpoint", "--plot")) {
            List<String> args = new ArrayList<>(List.of(option, fifo.toString()));
            if (!option.equals("--out")) {
                args.addAll(List.of("-o", dir.resolve("fifo-model.json").toString()));
            }
            assertRefused(train(args.toArray(String[]::new)), option + " " + fifo, "a FIFO (named pipe)");
            assertThat(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS)).as(option).isFalse();
            assertThat(Files.exists(fifo, LinkOption.NOFOLLOW_LINKS)).as(option).isTrue();
        }
    }

    @Test
    void a_character_device_is_named_as_such() {
        // Only read: /dev/null is checked, never written, and the check comes first.
        assertRefused(train("--plot", "/dev/null", "-o", dir.resolve("device-model.json").toString()),
                "--plot /dev/null", "a character device");
    }

    @Test
    void plot_on_the_model_path_is_refused_and_the_model_is_kept() throws IOException {
        assertRefused(train("-o", model.toString(), "--plot", model.toString()), "--plot " + model,
                "also the --out file");
        assertThat(Files.readAllBytes(model)).isEqualTo(modelBytes);
    }

    @Test
    void the_same_file_spelled_another_way_is_still_the_same_file() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("link-to-model.json"), model);
        assertRefused(train("-o", model.toString(), "--checkpoint", dir.resolve("sub/../model.json").toString()),
                "--checkpoint", "also the --out file");
        assertRefused(train("-o", model.toString(), "--plot", link.toString()), "also the --out file");
        assertThat(Files.readAllBytes(model)).isEqualTo(modelBytes);
    }

    @Test
    void plot_on_a_directory_empty_or_not_is_refused_and_the_directory_stays() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty-dir"));
        Path full = Files.createDirectories(dir.resolve("full-dir"));
        Files.writeString(full.resolve("notes.txt"), "keep");
        for (Path directory : List.of(empty, full)) {
            assertRefused(train("-o", model.toString(), "--plot", directory.toString()), "is a directory");
            assertThat(directory).isDirectory();
        }
        assertThat(full.resolve("notes.txt")).hasContent("keep");
        assertThat(Files.readAllBytes(model)).isEqualTo(modelBytes);
    }

    @Test
    void an_output_onto_the_training_data_is_refused_and_the_data_is_kept() throws IOException {
        Path labels = data.resolve("train-labels-idx1-ubyte");
        byte[] before = Files.readAllBytes(labels);
        assertRefused(train("-o", labels.toString()), "is an input of this run");
        // Through the data's own directory under another spelling, and as the checkpoint.
        assertRefused(train("--checkpoint", data.resolve("../digits/t10k-images-idx3-ubyte").toString(), "-o",
                dir.resolve("other.json").toString()), "is an input of this run");
        assertThat(Files.readAllBytes(labels)).isEqualTo(before);
    }

    @Test
    void an_output_inside_an_image_folders_class_tree_is_refused_before_anything_is_created() {
        Path images = dir.resolve("pictures");
        Path inside = images.resolve("train/cats/model.json");
        CommandLineRun run = CommandLineRun.of(environment, "train", "--data", images.toString(), "--format", "images",
                "-o", inside.toString());
        assertRefused(run, "--out " + inside, "is inside the data this run reads");
        assertThat(images).doesNotExist();
    }

    @Test
    void a_model_beside_the_data_is_fine() {
        CommandLineRun run = train("-o", data.resolve("model.json").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @Test
    void a_symbolic_link_to_a_model_is_followed_and_kept() throws IOException {
        Path real = dir.resolve("real-model.json");
        Files.write(real, modelBytes);
        Path link = Files.createSymbolicLink(dir.resolve("models-link.json"), real);
        CommandLineRun run = train("-o", link.toString(), "--seed", "7");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readAllBytes(real)).isNotEqualTo(modelBytes);
    }
}

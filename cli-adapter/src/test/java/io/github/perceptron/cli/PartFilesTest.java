package io.github.perceptron.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.perceptron.core.data.LabelledImages;
import io.github.perceptron.core.data.Split;
import io.github.perceptron.dataset.IdxDatasetSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training data in part files: read whole by train, summarised part by part, and sharded by part. */
class PartFilesTest {

    @TempDir
    static Path dir;
    private static Path whole;
    private static Path parted;
    private static Map<String, String> environment;
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void writeData() throws IOException {
        whole = IdxFixtures.dataset(dir, "whole", 600, 100);
        parted = IdxFixtures.partedDataset(dir, "parted", 600, 100, 6);
        environment = Map.of("PERCEPTRON_DATA", dir.resolve("cache").toString());
    }

    @Test
    void part_files_read_as_their_concatenation_and_summarise_to_its_digest_one_part_at_a_time() {
        IdxDatasetSource parts = IdxDatasetSource.mnist(parted);
        LabelledImages all = IdxDatasetSource.mnist(whole).load(Split.TRAIN);
        assertThat(parts.trainingParts()).containsExactly("part-00000", "part-00001", "part-00002", "part-00003", "part-00004",
                "part-00005");
        assertThat(parts.load(Split.TRAIN).contentDigest()).isEqualTo(all.contentDigest());
        IdxDatasetSource.PartsSummary summary = parts.summarizeTrainingParts();
        assertThat(summary.contentDigest()).isEqualTo(all.contentDigest());
        assertThat(summary.counts()).containsExactly(100, 100, 100, 100, 100, 100);
        assertThat(summary.labelHistogram()).containsExactly(all.labelHistogram());
        int[] partsOneAndThree = new int[200];
        for (int i = 0; i < 100; i++) {
            partsOneAndThree[i] = 100 + i;
            partsOneAndThree[100 + i] = 300 + i;
        }
        assertThat(parts.loadTrainingParts(List.of("part-00001", "part-00003")).contentDigest())
                .isEqualTo(all.select(partsOneAndThree).contentDigest());
    }

    private static CommandLineRun train(Path data, String model, String... more) {
        return train(data.toString(), model, more);
    }

    private static CommandLineRun train(String data, String model, String... more) {
        List<String> args = new ArrayList<>(List.of("train", "--data", data, "--layers", "784,16,10",
                "--epochs", "2", "--batch", "40", "--augment", "shift", "--json", "-o", dir.resolve(model).toString()));
        args.addAll(List.of(more));
        return CommandLineRun.of(environment, args.toArray(String[]::new));
    }

    @Test
    void one_shard_of_part_files_is_ordinary_training_on_the_same_images_in_one_file() throws IOException {
        CommandLineRun ordinary = train(whole, "whole.json");
        CommandLineRun sharded = train(parted, "parted.json", "--shards", "1", "--local-steps", "4");
        assertThat(ordinary.exitCode()).as(ordinary.err()).isZero();
        assertThat(sharded.exitCode()).as(sharded.err()).isZero();
        assertThat(JSON.readTree(dir.resolve("parted.json").toFile()).get("parameters"))
                .isEqualTo(JSON.readTree(dir.resolve("whole.json").toFile()).get("parameters"));
        assertThat(JSON.readTree(dir.resolve("parted.json").toFile()).at("/metadata/provenance/data/train"))
                .isEqualTo(JSON.readTree(dir.resolve("whole.json").toFile()).at("/metadata/provenance/data/train"));
    }

    @Test
    void data_given_as_a_file_uri_is_the_same_data() throws IOException {
        CommandLineRun byUri = train(parted.toUri().toString(), "uri.json", "--shards", "1");
        CommandLineRun byPath = train(parted.toString(), "path.json", "--shards", "1");
        assertThat(parted.toUri().toString()).startsWith("file:///");
        assertThat(byUri.exitCode()).as(byUri.err()).isZero();
        assertThat(JSON.readTree(dir.resolve("uri.json").toFile()).get("parameters"))
                .isEqualTo(JSON.readTree(dir.resolve("path.json").toFile()).get("parameters"));
    }

    @Test
    void shards_of_part_files_train_and_more_shards_than_parts_is_one_line() {
        // Shard s holds parts s, s + 2 and s + 4: 300 images each.
        CommandLineRun two = train(parted, "two.json", "--shards", "2", "--local-steps", "3");
        assertThat(two.exitCode()).as(two.err()).isZero();
        CommandLineRun seven = train(parted, "seven.json", "--shards", "7");
        assertThat(seven.exitCode()).isEqualTo(1);
        assertThat(seven.err().lines().toList()).singleElement().asString()
                .endsWith("/parted/train: 6 part files for 7 shards; a shard needs one part at least");
    }
}

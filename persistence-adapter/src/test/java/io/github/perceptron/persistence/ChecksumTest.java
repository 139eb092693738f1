package io.github.perceptron.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.perceptron.core.checkpoint.CheckpointPolicy;
import io.github.perceptron.core.data.ValidationSplit;
import io.github.perceptron.core.model.ModelStoreException;
import io.github.perceptron.core.run.TrainingRuns;
import io.github.perceptron.core.testing.InMemoryDatasetSource;
import io.github.perceptron.core.testing.SyntheticImages;
import io.github.perceptron.core.testing.TinyModels;
import io.github.perceptron.core.train.TrainingPlan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A checkpoint edited after it was saved is refused; a model edited on purpose is used, with a warning. */
class ChecksumTest {

    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    /** Changes the first weight's last digit: the file stays a perfectly valid document. */
    private static void editOneWeight(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Matcher value = Pattern.compile("\"values\" : \\[ (-?[0-9.]+)(E-?[0-9]+)?").matcher(text);
        assertThat(value.find()).isTrue();
        int last = value.end(1) - 1;
        char digit = text.charAt(last);
        String edited = text.substring(0, last) + (digit == '1' ? '2' : '1') + text.substring(last + 1);
        Files.writeString(file, edited, StandardCharsets.UTF_8);
    }

    @Test
    void a_saved_model_carries_a_checksum_that_matches() throws IOException {
        Path file = dir.resolve("m.json");
        new JsonModelStore().save(TinyModels.trained(), file);
        assertThat(Files.readString(file)).containsPattern("\"checksum\" : \"sha256:[0-9a-f]{64}\"\\s*}\\s*$");
        new JsonModelStore(warnings::add).load(file);
        assertThat(warnings).isEmpty();
    }

    @Test
    void an_edited_model_loads_with_one_warning() throws IOException {
        Path file = dir.resolve("m.json");
        new JsonModelStore().save(TinyModels.trained(), file);
        editOneWeight(file);
        new JsonModelStore(warnings::add).load(file);
        assertThat(warnings).containsExactly(file + ": its checksum does not match its content: it was changed after "
                + "perceptron saved it; using it as it is");
    }

    @Test
    void a_checkpoint_with_one_weight_edited_is_refused() throws IOException {
        JsonCheckpointStore store = new JsonCheckpointStore();
        Path file = dir.resolve("c.json");
        TrainingPlan plan = TrainingPlan.builder().layers(16, 4, 3).epochs(2).batchSize(10).build();
        new TrainingRuns(new InMemoryDatasetSource(SyntheticImages.blobs(60, 4, 4, 3, 1), SyntheticImages.blobs(9, 4, 4, 3, 2)))
                .train(plan, ValidationSplit.NONE, new CheckpointPolicy(store, file, 1));
        assertThat(store.load(file).epoch()).isEqualTo(2);

        editOneWeight(file);
        assertThatThrownBy(() -> store.load(file)).isInstanceOf(ModelStoreException.class)
                .hasMessage(file + ": its checksum does not match its content: it was changed after it was saved; a run "
                        + "resumes only from the exact state it saved, so start a new run");

        String withoutChecksum = Files.readString(file).replaceAll(",\\s*\"checksum\" : \"[^\"]*\"", "");
        Files.writeString(file, withoutChecksum);
        assertThatThrownBy(() -> store.load(file)).hasMessageContaining("has no checksum");
    }
}

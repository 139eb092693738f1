package io.github.perceptron.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.perceptron.core.augment.Augmentation;
import io.github.perceptron.core.checkpoint.CheckpointPolicy;
import io.github.perceptron.core.checkpoint.TrainingCheckpoint;
import io.github.perceptron.core.data.InputNormalisation;
import io.github.perceptron.core.data.ValidationSplit;
import io.github.perceptron.core.model.ModelStoreException;
import io.github.perceptron.core.optim.LearningRateSchedule;
import io.github.perceptron.core.optim.OptimizerSpec;
import io.github.perceptron.core.run.TrainingRuns;
import io.github.perceptron.core.testing.InMemoryDatasetSource;
import io.github.perceptron.core.testing.SyntheticImages;
import io.github.perceptron.core.train.EarlyStopping;
import io.github.perceptron.core.train.TrainedModel;
import io.github.perceptron.core.train.TrainingPlan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonCheckpointStoreTest {

    private final InMemoryDatasetSource data = new InMemoryDatasetSource(SyntheticImages.blobs(260, 10, 10, 5, 1),
            SyntheticImages.blobs(60, 10, 10, 5, 2));
    private final TrainingPlan plan = TrainingPlan.builder().layers(100, 16, 5).dropout(0.1)
            .augmentation(Augmentation.shift(1)).optimizer(new OptimizerSpec.Nesterov(0.05, 0.9))
            .schedule(new LearningRateSchedule.Warmup(1, new LearningRateSchedule.Cosine(0.1)))
            .l2(1e-4).epochs(5).batchSize(25).seed(3).build();
    private final JsonCheckpointStore store = new JsonCheckpointStore();

    @TempDir
    Path dir;

    @Test
    void the_last_checkpoint_holds_the_plan_and_the_final_weights() {
        TrainedModel whole = new TrainingRuns(data).train(plan, ValidationSplit.stratified(20, 7), CheckpointPolicy.NONE);
        Path file = dir.resolve("run.checkpoint.json");
        new TrainingRuns(data).train(plan, ValidationSplit.stratified(20, 7), new CheckpointPolicy(store, file, 3));
        TrainingCheckpoint reloaded = store.load(file);
        assertThat(reloaded.epoch()).isEqualTo(5);
        assertThat(reloaded.plan()).isEqualTo(plan);
        assertThat(reloaded.validation()).isEqualTo(ValidationSplit.stratified(20, 7));
        for (int p = 0; p < whole.model().weights().size(); p++) {
            assertThat(reloaded.model().weights().get(p)).isEqualTo(whole.model().weights().get(p));
        }
    }

    @Test
    void a_run_resumed_from_a_mid_run_checkpoint_file_ends_bit_identical() {
        TrainedModel whole = new TrainingRuns(data).train(plan, ValidationSplit.NONE, CheckpointPolicy.NONE);
        Path file = dir.resolve("mid.json");
        // Saving every 2 epochs, keep the copy written at epoch 2, as if the run had been killed then.
        Path copy = dir.resolve("epoch2.json");
        new TrainingRuns(data).train(plan, ValidationSplit.NONE, new CheckpointPolicy(new CopyingStore(store, copy, 2), file, 2));
        TrainedModel resumed = new TrainingRuns(data).resume(store.load(copy), CheckpointPolicy.NONE);
        for (int p = 0; p < whole.model().weights().size(); p++) {
            assertThat(resumed.model().weights().get(p)).isEqualTo(whole.model().weights().get(p));
        }
        assertThat(resumed.test().accuracy()).isEqualTo(whole.test().accuracy());
    }

    @Test
    void a_checkpoint_reads_as_a_model_too() {
        Path file = dir.resolve("c.json");
        new TrainingRuns(data).train(plan, ValidationSplit.NONE, new CheckpointPolicy(store, file, 5));
        assertThat(new JsonModelStore().load(file).spec()).isEqualTo(plan.network());
    }

    @Test
    void a_model_file_is_not_a_checkpoint_and_a_broken_order_is_refused() throws IOException {
        Path model = dir.resolve("m.json");
        new JsonModelStore().save(new TrainingRuns(data).train(plan, ValidationSplit.NONE, CheckpointPolicy.NONE).model(), model);
        assertThatThrownBy(() -> store.load(model)).isInstanceOf(ModelStoreException.class)
                .hasMessage(model + ": field 'format' is 'perceptron-model', not 'perceptron-checkpoint'");
        Path file = dir.resolve("c.json");
        new TrainingRuns(data).train(plan, ValidationSplit.NONE, new CheckpointPolicy(store, file, 5));
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = (ObjectNode) mapper.readTree(file.toFile());
        ((ArrayNode) root.get("training").get("order")).set(0, 1);
        mapper.writeValue(file.toFile(), root);
        assertThatThrownBy(() -> store.load(file)).isInstanceOf(ModelStoreException.class)
                .hasMessageContaining("field 'training.order' is not a permutation");
    }

    @Test
    void a_run_with_early_stopping_resumed_from_a_file_saved_mid_run_ends_bit_identical() {
        TrainingPlan stopping = plan.withEarlyStopping(new EarlyStopping(EarlyStopping.Monitor.LOSS, 2, 0, true));
        ValidationSplit split = ValidationSplit.stratified(40, 5);
        TrainedModel whole = new TrainingRuns(data).train(stopping, split, CheckpointPolicy.NONE);
        Path file = dir.resolve("mid.json");
        Path copy = dir.resolve("epoch3.json");
        new TrainingRuns(data).train(stopping, split, new CheckpointPolicy(new CopyingStore(store, copy, 3), file, 1));
        TrainingCheckpoint saved = store.load(copy);
        assertThat(saved.plan()).isEqualTo(stopping);
        assertThat(saved.validation()).isEqualTo(split);
        assertThat(saved.best().epoch()).isBetween(1, 3);
        TrainedModel resumed = new TrainingRuns(data).resume(saved, CheckpointPolicy.NONE);
        assertThat(resumed.keptEpoch()).isEqualTo(whole.keptEpoch());
        assertThat(resumed.stopReason()).isEqualTo(whole.stopReason());
        for (int p = 0; p < whole.model().weights().size(); p++) {
            assertThat(resumed.model().weights().get(p)).isEqualTo(whole.model().weights().get(p));
        }
    }

    @Test
    void a_checkpoint_written_before_the_stratified_split_resumes_on_its_last_images() throws IOException {
        Path file = dir.resolve("old.json");
        new TrainingRuns(data).train(plan, ValidationSplit.stratified(20, 7), new CheckpointPolicy(store, file, 5));
        String text = Files.readString(file).replaceAll(",\\s*\"validationSplit\" : \\{[^}]*}", "");
        assertThat(text).doesNotContain("validationSplit").contains("\"validationSize\" : 20");
        Files.writeString(file, text);
        resign(file);
        assertThat(store.load(file).validation()).isEqualTo(ValidationSplit.last(20));
    }

    @Test
    void a_normalising_run_resumes_normalising_and_a_bad_normalisation_is_refused_naming_its_field() throws IOException {
        TrainingPlan deskewing = TrainingPlan.builder().layers(100, 16, 5).epochs(4).batchSize(25).seed(3)
                .inputNormalisation(InputNormalisation.DESKEW).build();
        TrainedModel whole = new TrainingRuns(data).train(deskewing, ValidationSplit.NONE, CheckpointPolicy.NONE);
        Path file = dir.resolve("mid.json");
        Path copy = dir.resolve("epoch2.json");
        new TrainingRuns(data).train(deskewing, ValidationSplit.NONE,
                new CheckpointPolicy(new CopyingStore(store, copy, 2), file, 2));
        TrainingCheckpoint saved = store.load(copy);
        assertThat(saved.plan().inputNormalisation()).isEqualTo(InputNormalisation.DESKEW);
        TrainedModel resumed = new TrainingRuns(data).resume(saved, CheckpointPolicy.NONE);
        assertThat(resumed.model().inputNormalisation()).isEqualTo(InputNormalisation.DESKEW);
        for (int p = 0; p < whole.model().weights().size(); p++) {
            assertThat(resumed.model().weights().get(p)).isEqualTo(whole.model().weights().get(p));
        }

        Files.writeString(copy, Files.readString(copy).replace("\"inputNormalisation\" : \"deskew\"",
                "\"inputNormalisation\" : \"width1\""));
        resign(copy);
        assertThatThrownBy(() -> store.load(copy)).isInstanceOf(ModelStoreException.class)
                .hasMessage(copy + ": field 'training.plan.inputNormalisation' is refused: 'width1' is not a normalisation: "
                        + "widthN takes N = 2..1024 pixels, as width16");
    }

    /** Recomputes a hand-edited file's checksum, as a file an older version wrote would carry one. */
    private static void resign(Path file) throws IOException {
        String text = Files.readString(file);
        int field = text.lastIndexOf("\"" + Checksum.FIELD + "\"");
        int end = text.lastIndexOf(',', field);
        String checksum = Checksum.ofPrefix(file, text.substring(0, end).getBytes(StandardCharsets.UTF_8).length);
        Files.writeString(file, text.replaceAll("\"sha256:[0-9a-f]{64}\"", "\"" + checksum + "\""));
    }

    /** Passes saves through, keeping a copy of the one written at {@code epoch}. */
    private record CopyingStore(JsonCheckpointStore store, Path copy, int epoch)
            implements io.github.perceptron.core.checkpoint.CheckpointStore {
        @Override
        public void save(TrainingCheckpoint checkpoint, Path location) {
            store.save(checkpoint, location);
            if (checkpoint.epoch() == epoch) {
                store.save(checkpoint, copy);
            }
        }

        @Override
        public TrainingCheckpoint load(Path location) {
            return store.load(location);
        }
    }
}

package io.github.perceptron.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.perceptron.core.data.ValidationSplit;
import io.github.perceptron.core.model.Host;
import io.github.perceptron.core.model.Model;
import io.github.perceptron.core.model.Provenance;
import io.github.perceptron.core.testing.InMemoryDatasetSource;
import io.github.perceptron.core.testing.SyntheticImages;
import io.github.perceptron.core.train.EarlyStopping;
import io.github.perceptron.core.train.TrainedModel;
import io.github.perceptron.core.train.TrainingPlan;
import io.github.perceptron.core.usecase.TrainModel;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Version 2 adds the provenance; a committed version-1 file still reads, without one. */
class ModelFormatVersionsTest {

    @TempDir
    Path dir;

    @Test
    void a_version_1_file_still_reads() throws URISyntaxException {
        Path v1 = Path.of(getClass().getResource("/formats/model-v1.json").toURI());
        Model model = new JsonModelStore().load(v1);
        assertThat(model.spec().sizes()).containsExactly(4, 3, 2);
        assertThat(model.classNames()).containsExactly("cat", "dog");
        assertThat(model.metadata().dataset()).isEqualTo("tiny (v1 fixture)");
        assertThat(model.metadata().epochs()).isEqualTo(3);
        assertThat(model.metadata().provenance()).isEmpty();
        assertThat(model.weights().get(0)[0]).isEqualTo(-0.6627603f);
    }

    /** Version 2 wrote the plan's values as text; such a file reads, its plan as it was written. */
    @Test
    void a_version_2_file_with_its_plan_as_text_still_reads() throws Exception {
        InMemoryDatasetSource data = new InMemoryDatasetSource(SyntheticImages.blobs(60, 6, 6, 3, 1),
                SyntheticImages.blobs(30, 6, 6, 3, 2));
        TrainedModel trained = new TrainModel(data).train(TrainingPlan.builder().layers(36, 4, 3).epochs(1).batchSize(20)
                .build());
        Path file = dir.resolve("v2.json");
        new JsonModelStore().save(trained.model(), file);
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode root = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(file.toFile());
        root.put("formatVersion", 2);
        root.remove("checksum");
        com.fasterxml.jackson.databind.node.ObjectNode plan = mapper.createObjectNode();
        plan.put("layers", "36,4,3").put("epochs", "1").put("schedule", "Constant[]");
        ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("metadata").get("provenance")).set("plan", plan);
        mapper.writeValue(file.toFile(), root);

        Provenance provenance = new JsonModelStore().load(file).metadata().provenance().orElseThrow();
        assertThat(provenance.plan()).containsExactly(Map.entry("layers", "36,4,3"), Map.entry("epochs", "1"),
                Map.entry("schedule", "Constant[]"));
    }

    @Test
    void a_trained_model_records_and_reads_back_its_whole_provenance() throws Exception {
        InMemoryDatasetSource data = new InMemoryDatasetSource(SyntheticImages.blobs(200, 6, 6, 3, 1),
                SyntheticImages.blobs(60, 6, 6, 3, 2));
        TrainingPlan plan = TrainingPlan.builder().layers(36, 8, 3).epochs(4).batchSize(20).seed(9)
                .earlyStopping(EarlyStopping.onAccuracy(2)).build();
        TrainedModel trained = new TrainModel(data).on(new Host("Temurin 17.0.15", "AMD EPYC, amd64", "abc123"))
                .train(plan, ValidationSplit.stratified(30, 9));
        Path file = dir.resolve("m.json");
        new JsonModelStore().save(trained.model(), file);
        assertThat(Files.readString(file)).contains("\"formatVersion\" : 3", "\"provenance\"");

        Provenance provenance = new JsonModelStore().load(file).metadata().provenance().orElseThrow();
        assertThat(provenance).isEqualTo(trained.model().metadata().provenance().orElseThrow());
        // Plain data, version 3: numbers are numbers, the schedule and early stopping are objects.
        assertThat(provenance.plan()).containsEntry("layers", List.of(36L, 8L, 3L)).containsEntry("seed", 9L)
                .containsEntry("epochs", 4L).containsKeys("optimizer", "schedule", "augmentation", "earlyStopping");
        assertThat(provenance.plan().get("schedule")).isEqualTo(Map.of("type", "constant"));
        assertThat(provenance.plan().get("earlyStopping")).isEqualTo(Map.of("monitor", "accuracy", "patience", 2L,
                "minDelta", 0.0, "restoreBest", true));
        assertThat(provenance.trainDigest()).isEqualTo(data.train().contentDigest()).startsWith("sha256:");
        assertThat(provenance.testDigest()).isEqualTo(data.test().contentDigest()).isNotEqualTo(provenance.trainDigest());
        assertThat(provenance.validation()).startsWith("stratified, seed 9, 30 of 200 training images; per class ");
        assertThat(provenance.keptEpoch()).isEqualTo(trained.keptEpoch());
        assertThat(provenance.keptBecause()).contains("validation accuracy");
        assertThat(provenance.threads()).isPositive();
        // The machine as the application said it (core reads none of it itself).
        assertThat(provenance.java()).isEqualTo("Temurin 17.0.15");
        assertThat(provenance.cpu()).isEqualTo("AMD EPYC, amd64");
        assertThat(provenance.gitCommit()).isEqualTo("abc123");
    }
}

package io.github.perceptron.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.perceptron.core.train.CheckpointPolicy;
import io.github.perceptron.core.data.ValidationSplit;
import io.github.perceptron.core.model.Model;
import io.github.perceptron.core.model.Host;
import io.github.perceptron.core.model.Provenance;
import io.github.perceptron.core.testing.InMemoryDatasetSource;
import io.github.perceptron.core.testing.SyntheticImages;
import io.github.perceptron.core.train.EarlyStopping;
import io.github.perceptron.core.train.TrainingPlan;
import io.github.perceptron.core.usecase.TrainModel;
import io.github.perceptron.core.usecase.TrainedModel;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        assertThat(model.parameters().get(0).values()[0]).isEqualTo(-0.6627603f);
    }

    @Test
    void a_trained_model_records_and_reads_back_its_whole_provenance() throws Exception {
        InMemoryDatasetSource data = new InMemoryDatasetSource(SyntheticImages.blobs(200, 6, 6, 3, 1),
                SyntheticImages.blobs(60, 6, 6, 3, 2));
        TrainingPlan plan = TrainingPlan.builder().layers(36, 8, 3).epochs(4).batchSize(20).seed(9)
                .earlyStopping(EarlyStopping.onAccuracy(2)).build();
        TrainedModel trained = new TrainModel(data).on(new Host("Temurin 17.0.15", "AMD EPYC, amd64", "abc123"))
                .train(plan, ValidationSplit.stratified(30, 9), CheckpointPolicy.NONE);
        Path file = dir.resolve("m.json");
        new JsonModelStore().save(trained.model(), file);
        assertThat(Files.readString(file)).contains("\"formatVersion\" : 2", "\"provenance\"");

        Provenance provenance = new JsonModelStore().load(file).metadata().provenance().orElseThrow();
        assertThat(provenance).isEqualTo(trained.model().metadata().provenance().orElseThrow());
        assertThat(provenance.plan()).containsEntry("layers", "36,8,3").containsEntry("seed", "9")
                .containsEntry("epochs", "4").containsKeys("optimizer", "schedule", "augmentation", "earlyStopping");
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

package io.github.perceptron.persistence;

import io.github.perceptron.core.checkpoint.CheckpointPolicy;
import io.github.perceptron.core.data.ValidationSplit;
import io.github.perceptron.core.model.ModelStoreException;
import io.github.perceptron.core.run.TrainingRuns;
import io.github.perceptron.core.testing.Fuzzing;
import io.github.perceptron.core.testing.InMemoryDatasetSource;
import io.github.perceptron.core.testing.SyntheticImages;
import io.github.perceptron.core.testing.TinyModels;
import io.github.perceptron.core.train.TrainingPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mutation fuzzing of the model and checkpoint readers: only {@link ModelStoreException} may escape. */
class ModelFuzzTest {

    @TempDir
    Path dir;

    @Test
    void model_files() throws IOException {
        Path seed = dir.resolve("seed.json");
        new JsonModelStore().save(TinyModels.trained(), seed);
        Fuzzing.run(dir.resolve("model.json"), List.of(Files.readAllBytes(seed)), ModelStoreException.class,
                file -> new JsonModelStore().load(file));
    }

    @Test
    void checkpoint_files() throws IOException {
        Path seed = dir.resolve("seed.json");
        InMemoryDatasetSource data = new InMemoryDatasetSource(SyntheticImages.blobs(40, 4, 4, 3, 1),
                SyntheticImages.blobs(10, 4, 4, 3, 2));
        TrainingPlan plan = TrainingPlan.builder().layers(16, 5, 3).epochs(1).batchSize(10).build();
        new TrainingRuns(data).train(plan, ValidationSplit.NONE, new CheckpointPolicy(new JsonCheckpointStore(), seed, 1));
        Fuzzing.run(dir.resolve("checkpoint.json"), List.of(Files.readAllBytes(seed)), ModelStoreException.class,
                file -> new JsonCheckpointStore().load(file));
    }
}

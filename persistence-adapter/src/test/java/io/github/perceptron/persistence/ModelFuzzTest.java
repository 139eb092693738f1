package io.github.perceptron.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.perceptron.core.checkpoint.CheckpointPolicy;
import io.github.perceptron.core.model.ModelStoreException;
import io.github.perceptron.core.testing.InMemoryDatasetSource;
import io.github.perceptron.core.testing.Mutator;
import io.github.perceptron.core.testing.SyntheticImages;
import io.github.perceptron.core.testing.TinyModels;
import io.github.perceptron.core.train.TrainingPlan;
import io.github.perceptron.core.usecase.TrainModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutation fuzzing of the model and checkpoint readers: 10,000 broken variants each
 * ({@code -Dfuzz.inputs=1000000} for a long run). Only {@link ModelStoreException} may escape, and
 * no input may take over 2 s.
 */
class ModelFuzzTest {

    private static final int INPUTS = Integer.getInteger("fuzz.inputs", 10_000);

    @TempDir
    Path dir;

    @Test
    void model_files() throws IOException {
        Path seed = dir.resolve("seed.json");
        new JsonModelStore().save(TinyModels.trained(), seed);
        fuzz("model.json", Files.readAllBytes(seed), file -> new JsonModelStore().load(file));
    }

    @Test
    void checkpoint_files() throws IOException {
        Path seed = dir.resolve("seed.json");
        InMemoryDatasetSource data = new InMemoryDatasetSource(SyntheticImages.blobs(40, 4, 4, 3, 1),
                SyntheticImages.blobs(10, 4, 4, 3, 2));
        TrainingPlan plan = TrainingPlan.builder().layers(16, 5, 3).epochs(1).batchSize(10).build();
        new TrainModel(data).train(plan, 0, new CheckpointPolicy(new JsonCheckpointStore(), seed, 1));
        fuzz("checkpoint.json", Files.readAllBytes(seed), file -> new JsonCheckpointStore().load(file));
    }

    interface Reader {
        void read(Path file);
    }

    private void fuzz(String name, byte[] seed, Reader reader) throws IOException {
        Mutator mutator = new Mutator(List.of(seed), name.hashCode());
        Path file = dir.resolve(name);
        int refused = 0;
        for (int i = 0; i < INPUTS; i++) {
            byte[] input = mutator.next();
            Files.write(file, input);
            long start = System.nanoTime();
            try {
                reader.read(file);
            } catch (ModelStoreException expected) {
                refused++;
                assertThat(expected.getMessage()).as("input %d", i).startsWith(file.toString());
            } catch (Throwable unexpected) {
                Path kept = Files.write(Path.of("target", "fuzz-" + name + "-" + i), input);
                throw new AssertionError("input " + i + " of " + name + " (kept in " + kept + ") threw " + unexpected,
                        unexpected);
            }
            assertThat(System.nanoTime() - start).as("input %d of %s took too long", i, name).isLessThan(2_000_000_000L);
        }
        // The mutations must reach the readers' error paths, or this test proves nothing.
        System.out.printf("fuzz %s: %d of %d inputs refused%n", name, refused, INPUTS);
        assertThat(refused).as("inputs of %s refused", name).isGreaterThan(INPUTS / 4);
    }
}

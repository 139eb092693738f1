package io.github.perceptron.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.perceptron.core.model.Model;
import io.github.perceptron.core.model.ModelStoreException;
import io.github.perceptron.core.testing.TinyModels;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a model costs about its own size in memory, and bit-exact floats, whatever the file claims. */
class CompactTreeTest {

    @TempDir
    Path dir;

    @Test
    void every_float_round_trips_bit_for_bit_including_the_awkward_ones() throws IOException {
        Random random = new Random(3);
        float[] awkward = {Float.MIN_VALUE, -Float.MIN_VALUE, Float.MAX_VALUE, Float.MIN_NORMAL, 1e-45f, 16777217f, -0.0f};
        Model model = TinyModels.changed(TinyModels.trained(), tensors -> {
            float[] first = tensors.get(0);
            for (int i = 0; i < first.length; i++) {
                first[i] = i < awkward.length ? awkward[i] : Float.intBitsToFloat(random.nextInt() & 0x7f7fffff);
            }
        });
        float[] values = model.weights().get(0);
        Path file = dir.resolve("model.json");
        new JsonModelStore().save(model, file);
        float[] read = new JsonModelStore().load(file).weights().get(0);
        for (int i = 0; i < values.length; i++) {
            assertThat(Float.floatToIntBits(read[i])).as("value %d: %s", i, values[i]).isEqualTo(Float.floatToIntBits(values[i]));
        }
    }

    @Test
    void a_file_of_more_numbers_than_any_checkpoint_holds_is_refused_as_it_is_read() throws IOException {
        // The real bound is CompactTree.MAX_NUMBERS (416 million); the same check with a small one.
        long budget = 100_000;
        Path file = dir.resolve("huge.json");
        Files.writeString(file, "{\"format\":\"perceptron-model\",\"parameters\":[" + "0,".repeat((int) budget) + "0]}");
        assertThatThrownBy(() -> new JsonModelStore(budget, warning -> { }).load(file)).isInstanceOf(ModelStoreException.class)
                .hasMessage(file + ": more than " + budget + " numbers, more than any model or checkpoint holds");
        // Split over many arrays, the count is the document's, not the array's.
        Files.writeString(file, "{\"a\":[" + "[0,0],".repeat((int) budget / 2) + "[0]]}");
        assertThatThrownBy(() -> new JsonModelStore(budget, warning -> { }).load(file)).hasMessageContaining("more than " + budget + " numbers");
    }

    @Test
    void a_file_larger_than_any_model_is_refused_by_its_size_alone() throws IOException {
        Path file = dir.resolve("sparse.json");
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(CompactTree.MAX_NUMBERS * 20 + 1);
        }
        assertThatThrownBy(() -> new JsonModelStore().load(file)).isInstanceOf(ModelStoreException.class)
                .hasMessageEndingWith("bytes is too large for a model file");
    }

    @Test
    void a_fifo_or_a_directory_is_named_not_waited_on() throws Exception {
        Path fifo = dir.resolve("model.fifo");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        assertThatThrownBy(() -> new JsonModelStore().load(fifo)).hasMessage(fifo
                + ": is a pipe or a device, not a regular file; save the model to a file first");
        assertThatThrownBy(() -> new JsonCheckpointStore().load(dir)).hasMessage(dir + ": is a directory, not a model file");
    }
}

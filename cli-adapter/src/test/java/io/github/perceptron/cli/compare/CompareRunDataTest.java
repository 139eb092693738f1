package io.github.perceptron.cli.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.perceptron.cli.IdxFixtures;
import io.github.perceptron.cli.JsonPlanCodec;
import io.github.perceptron.core.data.DatasetException;
import io.github.perceptron.core.data.Split;
import io.github.perceptron.core.train.TrainingPlan;
import io.github.perceptron.dataset.DataLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A comparison's run shipped to an executor checks the test images too (replacing t10k-images
 * during {@code compare --master} exited 0 with accuracies near 10%: only the training images'
 * digest was compared).
 */
class CompareRunDataTest {

    @TempDir
    Path dir;

    @Test
    void a_run_shipped_elsewhere_refuses_test_images_that_changed_and_runs_on_the_same_ones() throws IOException {
        Path data = IdxFixtures.dataset(dir, "digits", 200, 50);
        DataLocation location = new DataLocation(null, "idx", data.toString());
        String train = location.open().load(Split.TRAIN).contentDigest();
        String test = location.open().load(Split.TEST).contentDigest();
        JsonPlanCodec codec = new JsonPlanCodec();
        String plan = codec.write(TrainingPlan.builder().layers(784, 8, 10).epochs(1).batchSize(50).build());

        CompareRun.Outcome same = new CompareRun(0, plan, codec, location, train, test, null, null).run(1);
        assertThat(same.testAccuracy()).isBetween(0.0, 1.0);

        // The same data elsewhere with one test pixel changed, as a replaced file on one machine would be
        // (elsewhere: a JVM keeps the images it verified at a location).
        Path changed = Files.createDirectories(dir.resolve("changed"));
        try (var files = Files.list(data)) {
            for (Path file : files.toList()) {
                Files.copy(file, changed.resolve(file.getFileName()));
            }
        }
        DataLocation elsewhere = new DataLocation(null, "idx", changed.toString());
        Path images = changed.resolve("t10k-images-idx3-ubyte");
        byte[] bytes = Files.readAllBytes(images);
        bytes[16 + 400] = (byte) (bytes[16 + 400] ^ 0x5a);
        Files.write(images, bytes, StandardOpenOption.TRUNCATE_EXISTING);
        assertThatThrownBy(() -> new CompareRun(1, plan, codec, elsewhere, train, test, null, null).run(1))
                .isInstanceOf(DatasetException.class)
                .hasMessageStartingWith(changed + ": these test images are not the ones the command was started on");
    }
}

package io.github.perceptron.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.perceptron.core.data.LabelledImages;
import io.github.perceptron.core.model.Prediction;
import io.github.perceptron.core.testing.InMemoryDatasetSource;
import io.github.perceptron.core.testing.SyntheticImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ReadmeExampleTest {

    private static final Path ROOT = Path.of("..");

    @Test
    void the_readme_shows_the_example_this_test_runs() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        String source = Files.readString(Path.of("src/test/java/io/github/perceptron/cli/ReadmeExample.java"));
        String example = between(source, "// readme-example-start\n", "        // readme-example-end")
                .lines().map(line -> line.substring(Math.min(8, line.length()))).collect(java.util.stream.Collectors.joining("\n"));
        assertThat(example).isNotBlank();
        assertThat(readme).contains(example);
    }

    @Test
    void the_example_trains_and_classifies() {
        LabelledImages train = SyntheticImages.blobs(1000, 28, 28, 10, 1);
        LabelledImages test = SyntheticImages.blobs(200, 28, 28, 10, 2);
        float[] pixels = new float[784];
        test.copyScaled(0, pixels, 0);
        Prediction prediction = ReadmeExample.run(new InMemoryDatasetSource(train, test), pixels);
        assertThat(prediction.label()).isEqualTo(test.label(0));
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start) + start.length();
        return text.substring(from, text.indexOf(end, from));
    }
}

package io.github.perceptron.persistence;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.perceptron.core.model.ModelStoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs the million-input fuzz run found; each once escaped as a NumberFormatException. */
class FuzzRegressionTest {

    @TempDir
    Path dir;

    @Test
    void a_model_with_an_exponent_beyond_big_decimal_is_a_store_error() throws IOException {
        Path file = copy("model-exponent-overflow.json");
        // Array numbers are now parsed as float32 straight from their text, where the exponent
        // underflows to 0; the file is still refused in one line, for what is wrong with it next.
        assertThatThrownBy(() -> new JsonModelStore().load(file)).isInstanceOf(ModelStoreException.class)
                .hasMessageStartingWith(file + ": field 'parameters[0].values' holds 767 numbers");
    }

    @Test
    void a_checkpoint_with_too_many_exponent_digits_is_a_store_error() throws IOException {
        Path file = copy("checkpoint-exponent-digits.json");
        assertThatThrownBy(() -> new JsonCheckpointStore().load(file)).isInstanceOf(ModelStoreException.class)
                .hasMessageStartingWith(file + ": a number out of any representable range");
    }

    private Path copy(String resource) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/fuzz/" + resource)) {
            return Files.write(dir.resolve(resource), in.readAllBytes());
        }
    }
}

package io.github.perceptron.cli.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.perceptron.cli.common.CommandFailure;
import io.github.perceptron.core.model.Model;
import io.github.perceptron.core.model.ModelStore;
import io.github.perceptron.core.model.ModelStoreException;
import io.github.perceptron.core.testing.InMemoryModelStore;
import io.github.perceptron.core.testing.TinyModels;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RescuingSaveTest {

    private static final Path TARGET = Path.of("/models/model.json");
    private static final Path RESCUE = Path.of("/tmp/perceptron-rescued-1");
    private final Model model = TinyModels.trained();
    private final InMemoryModelStore saved = new InMemoryModelStore();

    @Test
    void a_writable_target_gets_the_model_and_nothing_else() {
        new RescuingSave(failingFor(Set.of()), () -> {
            throw new AssertionError("no rescue needed");
        }).save(model, TARGET);
        assertThat(saved.load(TARGET).weights().get(0)).isEqualTo(model.weights().get(0));
    }

    @Test
    void a_failed_save_puts_the_model_in_a_rescue_directory_and_fails_naming_both() {
        assertThatThrownBy(() -> new RescuingSave(failingFor(Set.of(TARGET)), () -> RESCUE).save(model, TARGET))
                .isInstanceOf(CommandFailure.class)
                .hasMessage(TARGET + ": cannot save: No space left on device; the trained model was saved to "
                        + RESCUE.resolve("model.json") + " instead");
        assertThat(saved.load(RESCUE.resolve("model.json")).weights().get(0))
                .isEqualTo(model.weights().get(0));
    }

    @Test
    void when_the_rescue_fails_too_the_message_says_the_model_is_lost() {
        Path copy = RESCUE.resolve("model.json");
        // The fake's refusal carries no IOException cause, so its whole message is the reason.
        assertThatThrownBy(() -> new RescuingSave(failingFor(Set.of(TARGET, copy)), () -> RESCUE).save(model, TARGET))
                .isInstanceOf(CommandFailure.class)
                .hasMessageEndingWith("; a copy in " + RESCUE + " failed too (" + copy
                        + ": cannot save: No space left on device): the trained model is lost");
        assertThatThrownBy(() -> new RescuingSave(failingFor(Set.of(TARGET)), () -> {
            throw new IOException("Read-only file system");
        }).save(model, TARGET)).hasMessageEndingWith("; a copy in a temporary directory failed too (Read-only file system): the trained model is lost");
    }

    /** A store that refuses the given paths as a full disk would, and saves the rest to {@link #saved}. */
    private ModelStore failingFor(Set<Path> refused) {
        return new ModelStore() {
            @Override
            public void save(Model model, Path location) {
                if (refused.contains(location)) {
                    throw new ModelStoreException(location + ": cannot save: No space left on device");
                }
                saved.save(model, location);
            }

            @Override
            public Model load(Path location) {
                return saved.load(location);
            }
        };
    }
}

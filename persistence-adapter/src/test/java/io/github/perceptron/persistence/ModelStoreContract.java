package io.github.perceptron.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.perceptron.core.model.Model;
import io.github.perceptron.core.model.ModelStore;
import io.github.perceptron.core.model.ModelStoreException;
import io.github.perceptron.core.testing.TinyModels;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every {@link ModelStore} promises, run against each implementation. */
abstract class ModelStoreContract {

    @TempDir
    Path dir;

    abstract ModelStore store();

    @Test
    void a_saved_model_loads_with_bit_identical_parameters_and_predictions() {
        Model model = TinyModels.trained();
        ModelStore store = store();
        store.save(model, dir.resolve("m.json"));
        Model loaded = store.load(dir.resolve("m.json"));
        for (int p = 0; p < model.weights().size(); p++) {
            assertThat(loaded.weights().get(p)).isEqualTo(model.weights().get(p));
        }
        for (float[] image : TinyModels.images(20)) {
            assertThat(loaded.predict(image).probabilities()).isEqualTo(model.predict(image).probabilities());
        }
        assertThat(loaded.spec()).isEqualTo(model.spec());
        assertThat(loaded.classNames()).isEqualTo(model.classNames());
        assertThat(loaded.metadata()).isEqualTo(model.metadata());
    }

    @Test
    void saving_again_replaces_the_model() {
        ModelStore store = store();
        Model first = TinyModels.trained();
        store.save(first, dir.resolve("m.json"));
        List<float[]> changed = first.weights();
        changed.get(0)[0] += 1f;
        Model second = Model.restore(first.spec(), changed, first.width(), first.height(), first.classNames(),
                first.metadata());
        store.save(second, dir.resolve("m.json"));
        assertThat(store.load(dir.resolve("m.json")).weights().get(0)[0])
                .isEqualTo(changed.get(0)[0]).isNotEqualTo(first.weights().get(0)[0]);
    }

    @Test
    void a_missing_model_is_a_store_error_naming_the_location() {
        assertThatThrownBy(() -> store().load(dir.resolve("absent.json")))
                .isInstanceOf(ModelStoreException.class)
                .hasMessage(dir.resolve("absent.json") + ": file not found");
    }
}

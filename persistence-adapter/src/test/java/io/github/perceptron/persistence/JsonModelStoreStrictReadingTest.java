package io.github.perceptron.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.perceptron.core.model.Model;
import io.github.perceptron.core.model.ModelStoreException;
import io.github.perceptron.core.testing.TinyModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way a model file can be wrong gets one message naming the file and the field. */
class JsonModelStoreStrictReadingTest {

    private final JsonModelStore store = new JsonModelStore();
    private final ObjectMapper mapper = new ObjectMapper();

    @TempDir
    Path dir;
    private Path file;

    @BeforeEach
    void saveValidModel() {
        file = dir.resolve("model.json");
        store.save(TinyModels.trained(), file);
    }

    /** Issue 28: an ONNX file named .json got a parser's error that did not say so. */
    @Test
    void an_onnx_model_named_json_is_said_to_be_onnx() throws IOException {
        Files.write(file, new byte[] {0x08, 0x08, 0x12, 0x07, 'p', 'y', 't', 'o', 'r', 'c', 'h', 0x3a, 0x00});
        assertThatThrownBy(() -> store.load(file)).isInstanceOf(ModelStoreException.class)
                .hasMessage(file + ": this looks like an ONNX model, not JSON: name it .onnx to read it as one");
    }

    @Test
    void another_format_is_refused() throws IOException {
        edit(root -> root.put("format", "keras"));
        assertRefused("field 'format' is 'keras', not 'perceptron-model' or 'perceptron-checkpoint'");
    }

    @Test
    void a_newer_format_version_asks_for_an_upgrade() throws IOException {
        edit(root -> root.put("formatVersion", JsonModelStore.FORMAT_VERSION + 1));
        assertRefused("field 'formatVersion' is 6, newer than this perceptron reads (5); upgrade perceptron");
    }

    @Test
    void missing_fields_are_named_by_their_path() throws IOException {
        edit(root -> ((ObjectNode) root.get("architecture").get("output")).remove("units"));
        assertRefused("missing field 'architecture.output.units'");
    }

    /** A null field was called missing, though the user could see it in the file. */
    @Test
    void a_null_field_is_said_to_be_null_not_missing() throws IOException {
        String saved = Files.readString(file);
        edit(root -> ((ObjectNode) root.get("architecture")).putNull("initialization"));
        assertRefused("field 'architecture.initialization' is null; give it a value or, if it is optional, leave it out");
        Files.writeString(file, saved);
        edit(root -> ((ObjectNode) root.get("architecture").get("output")).putNull("units"));
        assertRefused("field 'architecture.output.units' is null; give it a value or, if it is optional, leave it out");
    }

    @Test
    void a_tensor_whose_shape_does_not_match_the_architecture_is_refused() throws IOException {
        edit(root -> ((ArrayNode) root.get("parameters").get(0).get("shape")).set(0, 65));
        assertRefused("field 'parameters[0].shape' is [65,12], the architecture needs [64, 12]");
    }

    @Test
    void a_tensor_with_too_few_values_is_refused() throws IOException {
        edit(root -> ((ArrayNode) root.get("parameters").get(1).get("values")).remove(0));
        assertRefused("field 'parameters[1].values' holds 11 numbers, the shape [12] needs 12");
    }

    @Test
    void values_beyond_float32_are_refused_as_non_finite() throws IOException {
        edit(root -> ((ArrayNode) root.get("parameters").get(1).get("values")).set(3, mapper.getNodeFactory().numberNode(1e39)));
        assertRefused("field 'parameters[1].values[3]' is not a finite float32: 1.0E39");
    }

    @Test
    void nan_is_not_json_and_is_refused_with_its_position() throws IOException {
        String text = Files.readString(file).replaceFirst("\"values\" : \\[ ([-0-9.E]+)", "\"values\" : [ NaN");
        Files.writeString(file, text);
        assertThatThrownBy(() -> store.load(file)).isInstanceOf(ModelStoreException.class)
                .hasMessageStartingWith(file + ": not valid JSON: ").hasMessageContaining("NaN").hasMessageContaining("line ");
    }

    @Test
    void absurd_sizes_are_refused_before_any_allocation() throws IOException {
        edit(root -> ((ObjectNode) root.get("architecture").get("hidden").get(0)).put("units", 65_000));
        edit(root -> ((ObjectNode) root.get("architecture").get("output")).put("units", 65_000));
        assertRefused("field 'architecture' describes 4229290000 parameters, more than 100000000");
        edit(root -> ((ObjectNode) root.get("architecture").get("input")).put("width", 1 << 30));
        assertRefused("field 'architecture.input.width' must be in [1, 65536], was 1073741824");
    }

    @Test
    void trailing_garbage_is_refused() throws IOException {
        Files.writeString(file, Files.readString(file) + "\n{}");
        assertThatThrownBy(() -> store.load(file)).isInstanceOf(ModelStoreException.class)
                .hasMessageStartingWith(file + ": not valid JSON: ").hasMessageContaining("Trailing token");
    }

    @Test
    void an_unknown_activation_lists_the_known_ones() throws IOException {
        edit(root -> ((ObjectNode) root.get("architecture").get("hidden").get(0)).put("activation", "swish"));
        assertRefused("field 'architecture.hidden[0].activation' is refused: unknown activation 'swish', expected one of "
                + "[identity, sigmoid, tanh, relu, softmax]");
    }

    /** An initialisation is optional, but when present it is a string core knows, refused like the other fields. */
    @Test
    void an_unknown_or_non_text_initialization_is_refused_by_field() throws IOException {
        String saved = Files.readString(file);
        edit(root -> ((ObjectNode) root.get("architecture")).put("initialization", "orthogonal"));
        assertThatThrownBy(() -> store.load(file)).isInstanceOf(ModelStoreException.class).hasMessageStartingWith(
                file + ": field 'architecture.initialization' is refused: unknown initialisation 'orthogonal', expected one of [");
        Files.writeString(file, saved);
        edit(root -> ((ObjectNode) root.get("architecture")).put("initialization", 3));
        assertRefused("field 'architecture.initialization' must be a string");
    }

    @Test
    void an_empty_or_non_object_file_is_not_a_model() throws IOException {
        Files.writeString(file, "[1, 2]");
        assertRefused("not a perceptron model (expected a JSON object)");
        Files.writeString(file, "");
        assertRefused("not a perceptron model (expected a JSON object)");
    }

    @Test
    void a_model_holding_nan_is_never_saved_and_the_old_file_survives() throws IOException {
        String before = Files.readString(file);
        Model broken = TinyModels.changed(TinyModels.trained(), values -> values.get(2)[5] = Float.NaN);
        assertThatThrownBy(() -> store.save(broken, file)).isInstanceOf(ModelStoreException.class)
                .hasMessage(file + ": refusing to save a model with a non-finite value (NaN) in parameter tensor 2 at index 5");
        assertThat(Files.readString(file)).isEqualTo(before);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    private void edit(Consumer<ObjectNode> change) throws IOException {
        ObjectNode root = (ObjectNode) mapper.readTree(file.toFile());
        change.accept(root);
        mapper.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
    }

    private void assertRefused(String problem) {
        assertThatThrownBy(() -> store.load(file)).isInstanceOf(ModelStoreException.class).hasMessage(file + ": " + problem);
    }

    @Test
    void a_new_model_file_is_readable_by_others_like_any_saved_document() throws IOException {
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-r--r--");
    }
}

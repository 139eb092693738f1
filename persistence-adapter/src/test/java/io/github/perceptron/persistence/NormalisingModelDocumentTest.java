package io.github.perceptron.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.perceptron.core.data.InputNormalisation;
import io.github.perceptron.core.model.Model;
import io.github.perceptron.core.model.ModelMetadata;
import io.github.perceptron.core.model.ModelStoreException;
import io.github.perceptron.core.testing.TinyModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A network that normalises its input is written in version 5, which older readers refuse (they
 * would feed it raw images); every other document keeps its version.
 */
class NormalisingModelDocumentTest {

    private final JsonModelStore store = new JsonModelStore();
    private final ObjectMapper mapper = new ObjectMapper();
    private final Model deskewing = TinyModels.trained(9, 12).withInputNormalisation(InputNormalisation.DESKEW);
    private final Model committee = Model.committee(List.of(TinyModels.trained(10, 12),
                    TinyModels.trained(11, 12).withInputNormalisation(InputNormalisation.width(6))),
            new ModelMetadata("blobs", 10, 2, OptionalDouble.empty(), "test", Instant.EPOCH));

    @TempDir
    Path dir;

    @Test
    void a_normalising_network_reads_back_normalising_and_answers_the_same() throws IOException {
        Path file = dir.resolve("single.json");
        store.save(deskewing, file);

        JsonNode root = mapper.readTree(file.toFile());
        assertThat(root.get("formatVersion").asInt()).isEqualTo(5);
        assertThat(root.at("/architecture/input/normalisation").asText()).isEqualTo("deskew");
        Model read = store.load(file);
        assertThat(read.inputNormalisation()).isEqualTo(InputNormalisation.DESKEW);
        for (float[] image : TinyModels.images(20)) {
            assertThat(read.predict(image)).isEqualTo(deskewing.predict(image));
        }
    }

    @Test
    void a_committee_with_a_normalising_member_is_version_5_and_keeps_each_members_own() throws IOException {
        Path file = dir.resolve("committee.json");
        store.save(committee, file);

        JsonNode root = mapper.readTree(file.toFile());
        assertThat(root.get("formatVersion").asInt()).isEqualTo(5);
        assertThat(root.at("/members/0/architecture/input").has("normalisation")).isFalse();
        assertThat(root.at("/members/1/architecture/input/normalisation").asText()).isEqualTo("width6");
        Model read = store.load(file);
        assertThat(read.members()).extracting(Model::inputNormalisation)
                .containsExactly(InputNormalisation.NONE, InputNormalisation.width(6));
        for (float[] image : TinyModels.images(20)) {
            assertThat(read.predict(image)).isEqualTo(committee.predict(image));
        }
    }

    @Test
    void documents_without_normalisation_keep_versions_3_and_4() throws IOException {
        Path single = dir.resolve("plain.json");
        store.save(TinyModels.trained(), single);
        Path plainCommittee = dir.resolve("plain-committee.json");
        store.save(TinyModels.committee(), plainCommittee);
        assertThat(mapper.readTree(single.toFile()).get("formatVersion").asInt()).isEqualTo(3);
        assertThat(mapper.readTree(plainCommittee.toFile()).get("formatVersion").asInt()).isEqualTo(4);
    }

    @Test
    void a_normalisation_in_an_older_version_or_of_an_unknown_kind_is_refused() throws IOException {
        Path file = dir.resolve("single.json");
        store.save(deskewing, file);
        edit(file, root -> root.put("formatVersion", 3));
        assertRefused(file, "field 'architecture.input.normalisation' needs formatVersion 5 or later");

        store.save(deskewing, file);
        edit(file, root -> ((ObjectNode) root.at("/architecture/input")).put("normalisation", "rotate"));
        assertThatThrownBy(() -> store.load(file)).isInstanceOf(ModelStoreException.class)
                .hasMessageStartingWith(file + ": field 'architecture.input.normalisation' is refused: 'rotate' is not a "
                        + "normalisation: none, deskew or widthN");
    }

    private void edit(Path file, Consumer<ObjectNode> change) throws IOException {
        ObjectNode root = (ObjectNode) mapper.readTree(file.toFile());
        change.accept(root);
        root.remove("checksum");
        Files.writeString(file, mapper.writeValueAsString(root));
    }

    private void assertRefused(Path file, String problem) {
        assertThatThrownBy(() -> store.load(file)).isInstanceOf(ModelStoreException.class).hasMessage(file + ": " + problem);
    }
}

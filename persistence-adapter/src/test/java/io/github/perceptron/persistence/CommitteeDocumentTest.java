package io.github.perceptron.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
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

/** A committee is one file: version 4 of the model document, every member whole inside it. */
class CommitteeDocumentTest {

    private final JsonModelStore store = new JsonModelStore();
    private final ObjectMapper mapper = new ObjectMapper();
    private final Model committee = TinyModels.committee();

    @TempDir
    Path dir;
    private Path file;

    @BeforeEach
    void save() {
        file = dir.resolve("committee.json");
        store.save(committee, file);
    }

    @Test
    void a_committee_reads_back_with_every_member_bit_for_bit() {
        Model read = store.load(file);

        assertThat(read.isCommittee()).isTrue();
        assertThat(read.members()).hasSize(3);
        for (int k = 0; k < 3; k++) {
            Model member = read.members().get(k);
            assertThat(member.spec()).isEqualTo(committee.members().get(k).spec());
            assertThat(member.weightsDigest()).isEqualTo(committee.members().get(k).weightsDigest());
            assertThat(member.metadata()).isEqualTo(committee.members().get(k).metadata());
        }
        assertThat(read.metadata()).isEqualTo(committee.metadata());
        assertThat(read.weightsDigest()).isEqualTo(committee.weightsDigest());
        for (float[] image : TinyModels.images(20)) {
            assertThat(read.predict(image)).isEqualTo(committee.predict(image));
        }
    }

    @Test
    void it_is_version_4_of_the_model_document_and_a_single_network_stays_version_3() throws IOException {
        JsonNode root = mapper.readTree(file.toFile());
        assertThat(root.get("format").asText()).isEqualTo("perceptron-model");
        assertThat(root.get("formatVersion").asInt()).isEqualTo(4);
        assertThat(root.get("kind").asText()).isEqualTo("committee");
        assertThat(root.get("members")).hasSize(3);
        assertThat(root.get("members").get(2).get("architecture").get("hidden").get(0).get("units").asInt()).isEqualTo(16);

        Path single = dir.resolve("single.json");
        store.save(committee.members().get(0), single);
        assertThat(mapper.readTree(single.toFile()).get("formatVersion").asInt())
                .as("readers of version 3 still read a single network").isEqualTo(3);
    }

    @Test
    void a_bad_field_in_a_member_is_named_with_the_member() throws IOException {
        edit(root -> ((ObjectNode) root.get("members").get(1).get("architecture").get("output")).remove("units"));
        assertRefused("missing field 'members[1].architecture.output.units'");
    }

    @Test
    void members_that_do_not_fit_together_are_refused() throws IOException {
        edit(root -> ((ArrayNode) root.get("members").get(2).get("architecture").get("classNames")).set(0, "zero"));
        assertRefused("field 'members' do not fit together: member 3 takes 8×8 images into [zero, 1, 2, 3], member 1 8×8 "
                + "into [0, 1, 2, 3]");
    }

    @Test
    void an_empty_committee_or_another_kind_is_refused() throws IOException {
        edit(root -> ((ArrayNode) root.get("members")).removeAll());
        assertRefused("field 'members' holds 0 members, expected 1 to 64");
        store.save(committee, file);
        edit(root -> root.put("kind", "ensemble"));
        assertRefused("field 'kind' is 'ensemble', expected committee");
    }

    @Test
    void a_checkpoint_is_never_a_committee() throws IOException {
        edit(root -> root.put("format", "perceptron-checkpoint"));
        assertRefused("field 'formatVersion' is 4, which only a committee's model document has");
    }

    private void edit(Consumer<ObjectNode> change) throws IOException {
        ObjectNode root = (ObjectNode) mapper.readTree(file.toFile());
        change.accept(root);
        root.remove("checksum");
        Files.writeString(file, mapper.writeValueAsString(root));
    }

    private void assertRefused(String problem) {
        assertThatThrownBy(() -> store.load(file)).isInstanceOf(ModelStoreException.class).hasMessage(file + ": " + problem);
    }
}

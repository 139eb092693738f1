package io.github.perceptron.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.perceptron.core.data.LabelledImages;
import io.github.perceptron.core.eval.Evaluation;
import io.github.perceptron.core.testing.SyntheticImages;
import io.github.perceptron.core.testing.TinyModels;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** A committee answers with the mean of its members' probabilities, and is measured on that mean. */
class CommitteeTest {

    private static final ModelMetadata METADATA = new ModelMetadata("blobs", 9, 2, OptionalDouble.empty(), "test",
            Instant.EPOCH);

    private final Model a = TinyModels.trained(9, 12);
    private final Model b = TinyModels.trained(10, 12);
    private final Model c = TinyModels.trained(11, 16);
    private final Model committee = Model.committee(List.of(a, b, c), METADATA);

    @Test
    void its_probabilities_are_the_mean_of_the_members_summed_in_member_order() {
        for (float[] image : TinyModels.images(20)) {
            float[] pa = a.predict(image).probabilities();
            float[] pb = b.predict(image).probabilities();
            float[] pc = c.predict(image).probabilities();
            float[] expected = new float[4];
            for (int j = 0; j < 4; j++) {
                expected[j] = (pa[j] + pb[j] + pc[j]) / 3f;
            }
            Prediction answer = committee.predict(image);
            assertThat(answer.probabilities()).containsExactly(expected);
            assertThat(answer.label()).isEqualTo(argmax(expected));
            assertThat(answer.className()).isEqualTo(committee.classNames().get(argmax(expected)));
        }
    }

    @Test
    void a_batch_gives_the_bits_of_one_image_at_a_time() {
        List<float[]> images = List.of(TinyModels.images(130));
        List<Prediction> batch = committee.predictAll(images);
        for (int i = 0; i < images.size(); i++) {
            assertThat(batch.get(i)).isEqualTo(committee.predict(images.get(i)));
        }
    }

    @Test
    void a_committee_of_one_answers_as_its_member() {
        Model alone = Model.committee(List.of(a), METADATA);
        for (float[] image : TinyModels.images(10)) {
            assertThat(alone.predict(image)).isEqualTo(a.predict(image));
        }
        LabelledImages blobs = SyntheticImages.blobs(300, 8, 8, 4, 7);
        assertThat(alone.evaluate(blobs).accuracy()).isEqualTo(a.evaluate(blobs).accuracy());
        assertThat(alone.evaluate(blobs).loss()).isCloseTo(a.evaluate(blobs).loss(), org.assertj.core.data.Offset.offset(1e-5));
    }

    @Test
    void the_committees_of_its_first_members_are_evaluated_in_one_pass_as_each_alone() {
        // 1,234 images: two whole batches of 500 and a part one.
        LabelledImages blobs = SyntheticImages.blobs(1234, 8, 8, 4, 7);
        List<Evaluation> growing = committee.evaluateFirstMembers(blobs);
        assertThat(growing).hasSize(3);
        for (int k = 1; k <= 3; k++) {
            assertThat(growing.get(k - 1)).as("the first %d", k)
                    .isEqualTo(Model.committee(List.of(a, b, c).subList(0, k), METADATA).evaluate(blobs));
        }
        assertThat(growing.get(2)).isEqualTo(committee.evaluate(blobs));
        assertThat(growing.get(0)).isNotEqualTo(growing.get(2));
        assertThat(a.evaluateFirstMembers(blobs)).as("a single network").containsExactly(a.evaluate(blobs));
    }

    @Test
    void its_evaluation_counts_the_mean_answers_and_their_cross_entropy() {
        LabelledImages blobs = SyntheticImages.blobs(300, 8, 8, 4, 7);
        Evaluation evaluation = committee.evaluate(blobs);
        int correct = 0;
        double loss = 0;
        float[] image = new float[64];
        for (int i = 0; i < blobs.size(); i++) {
            blobs.copyScaled(i, image, 0);
            Prediction answer = committee.predict(image);
            correct += answer.label() == blobs.label(i) ? 1 : 0;
            loss -= Math.log(answer.probabilities()[blobs.label(i)]);
        }
        assertThat(evaluation.accuracy()).isEqualTo(correct / 300.0);
        assertThat(evaluation.loss()).isCloseTo(loss / 300, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void it_has_its_members_and_no_single_architecture() {
        assertThat(committee.isCommittee()).isTrue();
        assertThat(a.isCommittee()).isFalse();
        assertThat(committee.members()).containsExactly(a, b, c);
        assertThat(a.members()).isEmpty();
        assertThat(committee.parameterCount()).isEqualTo(2 * a.spec().parameterCount() + c.spec().parameterCount());
        assertThat(a.parameterCount()).isEqualTo(a.spec().parameterCount());
        assertThatThrownBy(committee::spec).isInstanceOf(IllegalStateException.class)
                .hasMessage("a committee has no single architecture or weights: each of its 3 members has its own");
        assertThatThrownBy(committee::weights).isInstanceOf(IllegalStateException.class);
        assertThat(committee.withMetadata(METADATA).members()).containsExactly(a, b, c);
    }

    @Test
    void its_digest_covers_every_member_in_order() {
        assertThat(committee.weightsDigest()).matches("sha256:[0-9a-f]{64}")
                .isNotEqualTo(a.weightsDigest())
                .isNotEqualTo(Model.committee(List.of(b, a, c), METADATA).weightsDigest())
                .isEqualTo(Model.committee(List.of(a, b, c), METADATA).weightsDigest());
    }

    @Test
    void members_that_do_not_fit_together_are_refused() {
        assertThatThrownBy(() -> Model.committee(List.of(), METADATA)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a committee has 1 to 64 members, not 0");
        assertThatThrownBy(() -> Model.committee(java.util.Collections.nCopies(65, a), METADATA))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a committee has 1 to 64 members, not 65");
        assertThatThrownBy(() -> Model.committee(List.of(a, committee), METADATA))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("member 2 is a committee itself");
        Model renamed = Model.restore(b.spec(), b.weights(), 8, 8, List.of("w", "x", "y", "z"), METADATA);
        assertThatThrownBy(() -> Model.committee(List.of(a, renamed), METADATA))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("member 2 takes 8×8 images into [w, x, y, z]");
    }

    private static int argmax(float[] values) {
        int best = 0;
        for (int j = 1; j < values.length; j++) {
            if (values[j] > values[best]) {
                best = j;
            }
        }
        return best;
    }
}

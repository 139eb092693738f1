package io.github.perceptron.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.perceptron.core.data.InputNormalisation;
import io.github.perceptron.core.data.LabelledImages;
import io.github.perceptron.core.eval.Evaluation;
import io.github.perceptron.core.testing.SyntheticImages;
import io.github.perceptron.core.testing.TinyModels;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** A model that normalises its input answers, on every path, as its network does on the normalised image. */
class NormalisingModelTest {

    private final Model plain = TinyModels.trained();
    private final Model deskewing = plain.withInputNormalisation(InputNormalisation.DESKEW);
    private final LabelledImages blobs = SyntheticImages.blobs(60, 8, 8, 4, 6);

    @Test
    void it_predicts_what_its_network_predicts_on_the_normalised_image() {
        float[][] images = TinyModels.images(30);
        int changed = 0;
        for (float[] image : images) {
            float[] normalised = InputNormalisation.DESKEW.apply(image, 8, 8);
            float[] expected = plain.predict(normalised).probabilities();
            assertThat(deskewing.predict(image).probabilities()).containsExactly(expected);
            changed += Arrays.equals(expected, plain.predict(image).probabilities()) ? 0 : 1;
        }
        assertThat(changed).as("images whose answer the normalisation changes").isGreaterThan(0);
        List<Prediction> all = deskewing.predictAll(Arrays.asList(images));
        for (int i = 0; i < images.length; i++) {
            assertThat(all.get(i).probabilities()).containsExactly(deskewing.predict(images[i]).probabilities());
        }
    }

    @Test
    void it_is_evaluated_on_the_normalised_images() {
        Evaluation expected = plain.evaluate(InputNormalisation.DESKEW.apply(blobs));
        Evaluation evaluation = deskewing.evaluate(blobs);
        assertThat(evaluation.loss()).isEqualTo(expected.loss());
        assertThat(evaluation.accuracy()).isEqualTo(expected.accuracy());
    }

    @Test
    void a_committee_feeds_each_member_the_image_normalised_its_own_way() {
        Model committee = Model.committee(List.of(deskewing, plain),
                new ModelMetadata("blobs", 9, 2, OptionalDouble.empty(), "test", Instant.EPOCH));
        int right = 0;
        for (int i = 0; i < blobs.size(); i++) {
            float[] image = new float[64];
            blobs.copyScaled(i, image, 0);
            float[] a = deskewing.predict(image).probabilities();
            float[] b = plain.predict(image).probabilities();
            float[] mean = new float[a.length];
            for (int j = 0; j < mean.length; j++) {
                mean[j] = (a[j] + b[j]) / 2f;
            }
            Prediction answer = committee.predict(image);
            assertThat(answer.probabilities()).containsExactly(mean);
            right += answer.label() == blobs.label(i) ? 1 : 0;
        }
        assertThat(committee.evaluate(blobs).accuracy()).isEqualTo((double) right / blobs.size());
        assertThat(committee.members().get(0).inputNormalisation()).isEqualTo(InputNormalisation.DESKEW);
        assertThat(committee.inputNormalisation()).isEqualTo(InputNormalisation.NONE);
    }

    @Test
    void a_committee_normalises_only_through_its_members() {
        assertThatThrownBy(() -> TinyModels.committee().withInputNormalisation(InputNormalisation.DESKEW))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("members");
    }

    @Test
    void new_metadata_keeps_the_normalisation() {
        assertThat(deskewing.withMetadata(plain.metadata()).inputNormalisation()).isEqualTo(InputNormalisation.DESKEW);
    }
}

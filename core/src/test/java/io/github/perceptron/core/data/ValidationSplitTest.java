package io.github.perceptron.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationSplitTest {

    /** 1,000 images of 2×1 pixels spelling the image's index; classes of 500, 300, 150 and 50. */
    private static LabelledImages unbalanced() {
        int[] sizes = {500, 300, 150, 50};
        int total = 1000;
        byte[] pixels = new byte[2 * total];
        int[] labels = new int[total];
        for (int i = 0; i < total; i++) {
            pixels[2 * i] = (byte) (i / 256);
            pixels[2 * i + 1] = (byte) (i % 256);
            // Interleave the classes so no class sits at the end of storage.
            int c = i % 20 < 10 ? 0 : i % 20 < 16 ? 1 : i % 20 < 19 ? 2 : 3;
            labels[i] = c;
        }
        LabelledImages images = new LabelledImages(pixels, labels, 2, 1, LabelledImages.numberedClasses(4));
        assertThat(images.labelHistogram()).containsExactly(sizes);
        return images;
    }

    @Test
    void each_class_is_held_out_in_its_own_proportion() {
        ValidationSplit.Holdout holdout = ValidationSplit.stratified(100, 1).apply(unbalanced());
        assertThat(holdout.perClass()).containsExactly(50, 30, 15, 5);
        assertThat(holdout.validation().labelHistogram()).containsExactly(50, 30, 15, 5);
        assertThat(holdout.train().labelHistogram()).containsExactly(450, 270, 135, 45);
    }

    @Test
    void remainders_go_to_the_classes_with_the_largest_fractions() {
        // 7 of 1,000: exact shares 3.5, 2.1, 1.05, 0.35 → floors 3, 2, 1, 0 and the one left to class 0.
        ValidationSplit.Holdout holdout = ValidationSplit.stratified(7, 1).apply(unbalanced());
        assertThat(holdout.perClass()).containsExactly(4, 2, 1, 0);
    }

    @Test
    void a_fraction_is_resolved_to_a_count_and_recorded_as_one() {
        ValidationSplit.Holdout holdout = ValidationSplit.stratifiedFraction(0.1, 3).apply(unbalanced());
        assertThat(holdout.validation().size()).isEqualTo(100);
        assertThat(holdout.split()).isEqualTo(ValidationSplit.stratified(100, 3));
        // The recorded split, applied again, is the same split.
        assertThat(indices(holdout.split().apply(unbalanced()).validation())).isEqualTo(indices(holdout.validation()));
    }

    @Test
    void the_same_seed_gives_the_same_split_and_another_seed_another() {
        List<Integer> first = indices(ValidationSplit.stratified(100, 5).apply(unbalanced()).validation());
        List<Integer> again = indices(ValidationSplit.stratified(100, 5).apply(unbalanced()).validation());
        List<Integer> other = indices(ValidationSplit.stratified(100, 6).apply(unbalanced()).validation());
        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void the_parts_are_disjoint_cover_everything_and_keep_storage_order() {
        ValidationSplit.Holdout holdout = ValidationSplit.stratified(100, 2).apply(unbalanced());
        List<Integer> train = indices(holdout.train());
        List<Integer> held = indices(holdout.validation());
        assertThat(train).isSorted().doesNotContainAnyElementsOf(held);
        assertThat(held).isSorted();
        List<Integer> all = new ArrayList<>(train);
        all.addAll(held);
        assertThat(all).hasSize(1000).doesNotHaveDuplicates();
        // Not simply the tail: the held-out images come from all over the storage order.
        assertThat(held.get(0)).isLessThan(500);
    }

    @Test
    void the_last_kind_holds_out_the_tail_as_old_checkpoints_did() {
        ValidationSplit.Holdout holdout = ValidationSplit.last(100).apply(unbalanced());
        assertThat(indices(holdout.validation())).first().isEqualTo(900);
        assertThat(holdout.train().size()).isEqualTo(900);
    }

    @Test
    void a_split_must_leave_images_to_train_on() {
        assertThatThrownBy(() -> ValidationSplit.stratified(1000, 1).apply(unbalanced()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 to 999");
        assertThatThrownBy(() -> ValidationSplit.stratifiedFraction(1.0, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ValidationSplit.NONE.apply(unbalanced()).train().size()).isEqualTo(1000);
    }

    @Test
    void folds_hold_every_image_out_exactly_once_each_class_in_proportion() {
        List<ValidationSplit.Fold> folds = ValidationSplit.folds(unbalanced(), 4, 3);
        List<Integer> heldOut = new ArrayList<>();
        for (ValidationSplit.Fold fold : folds) {
            LabelledImages validation = fold.validation();
            heldOut.addAll(indices(validation));
            assertThat(validation.size() + fold.train().size()).isEqualTo(1000);
            assertThat(indices(fold.train())).doesNotContainAnyElementsOf(indices(validation));
            int[] perClass = validation.labelHistogram();
            int[] expected = {125, 75, 37, 12};
            for (int c = 0; c < 4; c++) {
                assertThat(perClass[c]).as("class %d", c).isBetween(expected[c] - 1, expected[c] + 2);
            }
        }
        assertThat(heldOut).hasSize(1000).doesNotHaveDuplicates();
        assertThat(indices(ValidationSplit.folds(unbalanced(), 4, 3).get(0).validation()))
                .isEqualTo(indices(folds.get(0).validation()));
    }

    /** The indices of a part's images, in its order. */
    private static List<Integer> indices(LabelledImages part) {
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < part.size(); i++) {
            indices.add(256 * part.pixel(i, 0) + part.pixel(i, 1));
        }
        return indices;
    }
}

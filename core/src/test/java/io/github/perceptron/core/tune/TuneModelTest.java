package io.github.perceptron.core.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.perceptron.core.data.InputNormalisation;
import io.github.perceptron.core.data.LabelledImages;
import io.github.perceptron.core.data.ValidationSplit;
import io.github.perceptron.core.layer.Activation;
import io.github.perceptron.core.layer.Initialization;
import io.github.perceptron.core.loss.Loss;
import io.github.perceptron.core.optim.OptimizerSpec;
import io.github.perceptron.core.testing.InMemoryDatasetSource;
import io.github.perceptron.core.testing.SyntheticImages;
import io.github.perceptron.core.train.Threads;
import io.github.perceptron.core.train.TrainingPlan;
import io.github.perceptron.core.tune.TrialJournal;
import io.github.perceptron.core.tune.TrialResult;
import io.github.perceptron.core.tune.TrialRunner;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The search: scored on held-out training images only, resumable from its journal, bounded by its budget. */
class TuneModelTest {

    private final LabelledImages train = SyntheticImages.blobs(400, 8, 8, 4, 1);
    private final LabelledImages test = SyntheticImages.blobs(100, 8, 8, 4, 2);
    // Learning rates from hopeless to good: the search has something to find.
    private final List<Map<String, String>> trials = List.of(Map.of("lr", "0.00001"), Map.of("lr", "0.05"),
            Map.of("lr", "0.0003"), Map.of("lr", "0.01"));
    private final Function<Map<String, String>, TrainingPlan> planOf = params -> plan(params, InputNormalisation.NONE);
    private final TuningRequest request = new TuningRequest(trials, trials.stream().map(planOf).toList(), ValidationSplit.stratified(80, 3), 1, null, true);

    private static TrainingPlan plan(Map<String, String> params, InputNormalisation normalisation) {
        return TrainingPlan.builder().layers(64, 12, 4)
                .optimizer(new OptimizerSpec.Momentum(Double.parseDouble(params.get("lr")), 0.9)).epochs(3).batchSize(20)
                .seed(5).inputNormalisation(normalisation).build();
    }

    private TuningResult tune(LabelledImages testSet, TuningRequest request, TrialJournal journal) {
        return new TuneModel(new InMemoryDatasetSource(train, testSet), new Threads(1), Clock.systemUTC())
                .tune(request, journal, TuningListener.NONE);
    }

    @Test
    void the_winner_has_the_best_validation_accuracy_and_meets_the_test_set_once_at_the_end() {
        TuningResult result = tune(test, request, TrialJournal.NONE);
        assertThat(result.trials()).hasSize(4);
        double best = result.trials().stream().mapToDouble(TrialResult::validationAccuracy).max().orElseThrow();
        assertThat(result.best().validationAccuracy()).isEqualTo(best);
        assertThat(result.best().params().get("lr")).isIn("0.05", "0.01");
        assertThat(result.trials().get(0).validationAccuracy()).isLessThan(best);
        assertThat(result.winner().test().count()).isEqualTo(100);
    }

    @Test
    void the_chosen_trial_does_not_depend_on_the_test_labels() {
        TuningResult honest = tune(test, request, TrialJournal.NONE);
        TuningResult shuffled = tune(SyntheticImages.withShuffledLabels(test, 77), request, TrialJournal.NONE);
        assertThat(shuffled.trials()).isEqualTo(withoutSeconds(honest.trials(), shuffled.trials()));
        assertThat(shuffled.best().number()).isEqualTo(honest.best().number());
        assertThat(shuffled.winner().test().accuracy()).isNotEqualTo(honest.winner().test().accuracy());
    }

    @Test
    void a_search_killed_after_two_trials_resumes_from_its_journal_to_the_same_result() {
        TuningResult uninterrupted = tune(test, request, TrialJournal.NONE);
        KeptJournal journal = new KeptJournal(2);
        assertThatThrownBy(() -> tune(test, request, journal)).hasMessage("killed");
        assertThat(journal.kept).hasSize(2);
        TuningResult resumed = tune(test, request, journal.reopened());
        assertThat(resumed.resumed()).isEqualTo(2);
        assertThat(resumed.trials()).extracting(TrialResult::validationAccuracy)
                .isEqualTo(uninterrupted.trials().stream().map(TrialResult::validationAccuracy).toList());
        assertThat(resumed.best().number()).isEqualTo(uninterrupted.best().number());
        for (int p = 0; p < uninterrupted.winner().model().weights().size(); p++) {
            assertThat(resumed.winner().model().weights().get(p))
                    .isEqualTo(uninterrupted.winner().model().weights().get(p));
        }
        assertThat(journal.kept).hasSize(4);
    }

    @Test
    void trials_run_side_by_side_give_the_same_results_journaled_and_reported_in_trial_order() {
        TuningResult alone = tune(test, request, TrialJournal.NONE);
        KeptJournal journal = new KeptJournal(Integer.MAX_VALUE);
        List<Integer> reported = new ArrayList<>();
        TuningListener listener = new TuningListener() {
            @Override
            public void trialFinished(TrialResult result, int count, boolean resumed) {
                reported.add(result.number());
            }
        };
        // Two kernel threads shared by two trials at once: each trial gets one.
        TuningResult together = new TuneModel(new InMemoryDatasetSource(train, test), new Threads(2), Clock.systemUTC(),
                TrialRunner.sideBySide(2)).tune(request, journal, listener);

        assertThat(together.trials()).isEqualTo(withoutSeconds(alone.trials(), together.trials()));
        assertThat(journal.kept).extracting(TrialResult::number).containsExactly(1, 2, 3, 4);
        assertThat(reported).containsExactly(1, 2, 3, 4);
        assertThat(together.best().number()).isEqualTo(alone.best().number());
        for (int p = 0; p < alone.winner().model().weights().size(); p++) {
            assertThat(together.winner().model().weights().get(p))
                    .isEqualTo(alone.winner().model().weights().get(p));
        }
    }

    @Test
    void a_side_by_side_search_killed_part_way_resumes_to_the_same_result() {
        TuningResult uninterrupted = tune(test, request, TrialJournal.NONE);
        KeptJournal journal = new KeptJournal(2);
        TuneModel twoAtOnce = new TuneModel(new InMemoryDatasetSource(train, test), new Threads(2), Clock.systemUTC(),
                TrialRunner.sideBySide(2));
        assertThatThrownBy(() -> twoAtOnce.tune(request, journal, TuningListener.NONE)).hasMessage("killed");
        assertThat(journal.kept).extracting(TrialResult::number).containsExactly(1, 2);
        TuningResult resumed = twoAtOnce.tune(request, journal.reopened(), TuningListener.NONE);
        assertThat(resumed.trials()).isEqualTo(withoutSeconds(uninterrupted.trials(), resumed.trials()));
    }

    @Test
    void one_trial_run_alone_is_the_trial_the_search_runs() {
        TuningResult search = tune(test, request, TrialJournal.NONE);
        TuneModel tuner = new TuneModel(new InMemoryDatasetSource(train, test), new Threads(1), Clock.systemUTC());
        for (TrialResult expected : search.trials()) {
            TrialResult alone = tuner.trial(request, expected.number());
            assertThat(alone.validationAccuracy()).isEqualTo(expected.validationAccuracy());
            assertThat(alone.validationLoss()).isEqualTo(expected.validationLoss());
            assertThat(alone.params()).isEqualTo(expected.params());
        }
        assertThatThrownBy(() -> tuner.trial(request, 5)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Normalising is per image, so it commutes with the split: the same search on images deskewed beforehand. */
    @Test
    void a_search_whose_plans_normalise_trains_and_scores_every_trial_on_normalised_images() {
        InputNormalisation deskew = InputNormalisation.DESKEW;
        List<TrainingPlan> normalising = trials.stream()
                .map(params -> plan(params, deskew)).toList();
        TuningRequest normalisingRequest = new TuningRequest(trials, normalising, ValidationSplit.stratified(80, 3), 1,
                null, true);
        TuningResult inside = tune(test, normalisingRequest, TrialJournal.NONE);
        TuningResult before = new TuneModel(new InMemoryDatasetSource(deskew.apply(train), deskew.apply(test)),
                new Threads(1), Clock.systemUTC()).tune(request, TrialJournal.NONE, TuningListener.NONE);

        assertThat(inside.trials()).isEqualTo(withoutSeconds(before.trials(), inside.trials()));
        assertThat(tune(test, request, TrialJournal.NONE).trials()).extracting(TrialResult::validationLoss)
                .as("deskewing changes what the trials see").isNotEqualTo(inside.trials().stream()
                        .map(TrialResult::validationLoss).toList());
        assertThat(inside.winner().model().inputNormalisation()).isEqualTo(deskew);
        assertThat(inside.winner().test().accuracy()).isEqualTo(before.winner().test().accuracy());
        assertThat(inside.winner().model().weights().get(0)).isEqualTo(before.winner().model().weights().get(0));
    }

    @Test
    void a_journal_of_another_search_is_refused() {
        KeptJournal journal = new KeptJournal(Integer.MAX_VALUE);
        journal.kept.add(new TrialResult(1, Map.of("lr", "0.5"), 0.5, 1.0, 3, 1.0, null));
        assertThatThrownBy(() -> tune(test, request, journal)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trial 1 tried {lr=0.5}");
    }

    @Test
    void the_budget_stops_the_search_between_trials() {
        TuningRequest bounded = new TuningRequest(trials, trials.stream().map(planOf).toList(), ValidationSplit.stratified(80, 3), 1,
                Duration.ofNanos(1), true);
        TuningResult result = tune(test, bounded, TrialJournal.NONE);
        assertThat(result.trials()).hasSize(1);
        assertThat(result.budgetExhausted()).isTrue();
    }

    @Test
    void cross_validation_scores_every_fold_and_retrains_on_everything() {
        // With folds the split gives only its seed.
        TuningRequest folds = new TuningRequest(trials.subList(0, 2), trials.subList(0, 2).stream().map(planOf).toList(), ValidationSplit.stratified(0, 3), 3, null, false);
        TuningResult result = tune(test, folds, TrialJournal.NONE);
        assertThat(result.trials()).hasSize(2);
        assertThat(result.best().params()).containsEntry("lr", "0.05");
    }

    @Test
    void a_search_whose_every_trial_diverges_fails_naming_the_first_divergence() {
        // Squared error on an unbounded output feeds its own growth (cross-entropy's gradient is bounded).
        Function<Map<String, String>, TrainingPlan> exploding = params -> TrainingPlan.builder().layers(64, 12, 4)
                .loss(Loss.meanSquaredError(Activation.IDENTITY)).initialization(Initialization.NORMAL)
                .optimizer(new OptimizerSpec.Sgd(Double.parseDouble(params.get("lr")))).epochs(5).batchSize(10).build();
        TuningRequest hopeless = new TuningRequest(List.of(Map.of("lr", "10"), Map.of("lr", "20")), Stream.of(Map.of("lr", "10"), Map.of("lr", "20")).map(exploding).toList(),
                ValidationSplit.stratified(80, 3), 1, null, true);
        assertThatThrownBy(() -> tune(test, hopeless, TrialJournal.NONE)).isInstanceOf(TuningFailedException.class)
                .hasMessageStartingWith("every trial diverged; the first: training diverged at epoch ");
    }

    @Test
    void trials_are_never_scored_on_the_test_set() {
        assertThatThrownBy(() -> new TuningRequest(trials, trials.stream().map(planOf).toList(), ValidationSplit.NONE, 1, null, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("never the test set");
    }

    /** Seconds differ between runs; everything else must not. */
    private static List<TrialResult> withoutSeconds(List<TrialResult> expected, List<TrialResult> actual) {
        List<TrialResult> adjusted = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            TrialResult e = expected.get(i);
            adjusted.add(new TrialResult(e.number(), e.params(), e.validationAccuracy(), e.validationLoss(), e.keptEpoch(),
                    actual.get(i).seconds(), e.failure()));
        }
        return adjusted;
    }

    /** A journal in memory that dies, as a killed process would, once it holds {@code dieAfter} trials. */
    private static final class KeptJournal implements TrialJournal {
        final List<TrialResult> kept;
        private final int dieAfter;

        KeptJournal(int dieAfter) {
            this(new ArrayList<>(), dieAfter);
        }

        private KeptJournal(List<TrialResult> kept, int dieAfter) {
            this.kept = kept;
            this.dieAfter = dieAfter;
        }

        KeptJournal reopened() {
            return new KeptJournal(kept, Integer.MAX_VALUE);
        }

        @Override
        public List<TrialResult> finished() {
            return List.copyOf(kept);
        }

        @Override
        public void record(TrialResult result) {
            kept.add(result);
            if (kept.size() >= dieAfter) {
                throw new IllegalStateException("killed");
            }
        }
    }
}

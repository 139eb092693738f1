package io.github.perceptron.core.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.perceptron.core.data.LabelledImages;
import io.github.perceptron.core.engine.Network;
import io.github.perceptron.core.engine.Parameter;
import io.github.perceptron.core.optim.OptimizerSpec;
import io.github.perceptron.core.testing.RecordingCheckpoints;
import io.github.perceptron.core.testing.StopAfter;
import io.github.perceptron.core.testing.SyntheticImages;
import io.github.perceptron.core.trainer.TrainedNetwork;
import io.github.perceptron.core.trainer.Trainer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Early stopping in the trainer: when it stops, which weights it keeps, and that a resumed run does the same. */
class EarlyStoppingTest {

    // Random labels: the network overfits, so the validation loss soon turns up and patience runs out.
    private final LabelledImages train = SyntheticImages.noise(200, 6, 6, 3, 1);
    private final LabelledImages validation = SyntheticImages.noise(100, 6, 6, 3, 2);
    private final TrainingPlan plan = TrainingPlan.builder().layers(36, 40, 3).dropout(0.1)
            .optimizer(new OptimizerSpec.Adam(0.01)).epochs(40).batchSize(20).seed(4)
            .earlyStopping(new EarlyStopping(EarlyStopping.Monitor.LOSS, 3, 0, true)).build();

    @Test
    void stops_when_patience_runs_out_and_keeps_the_best_epoch_bit_identically() {
        TrainedNetwork stopped = new Trainer(plan, TrainingListener.NONE).train(train, validation);
        assertThat(stopped.stopReason()).isEqualTo(StopReason.PATIENCE);
        int best = stopped.keptEpoch();
        assertThat(stopped.history()).hasSize(best + 3);
        double bestLoss = stopped.history().get(best - 1).evaluation().orElseThrow().loss();
        assertThat(stopped.history()).allSatisfy(
                report -> assertThat(report.evaluation().orElseThrow().loss()).isGreaterThanOrEqualTo(bestLoss));

        // The same plan without early stopping, stopped by a listener right after the best epoch.
        TrainingPlan plain = plan.withEarlyStopping(EarlyStopping.NONE);
        TrainedNetwork atBest = new Trainer(plain, new StopAfter(best)).train(train, validation);
        assertThat(atBest.keptEpoch()).isEqualTo(best);
        assertSameWeights(stopped.network(), atBest.network());
    }

    @Test
    void without_restore_the_last_epoch_is_kept() {
        TrainingPlan keepLast = plan.withEarlyStopping(new EarlyStopping(EarlyStopping.Monitor.LOSS, 3, 0, false));
        TrainedNetwork stopped = new Trainer(keepLast, TrainingListener.NONE).train(train, validation);
        int last = stopped.history().size();
        assertThat(stopped.stopReason()).isEqualTo(StopReason.PATIENCE);
        assertThat(stopped.keptEpoch()).isEqualTo(last);
        TrainedNetwork plain = new Trainer(plan.withEarlyStopping(EarlyStopping.NONE), new StopAfter(last))
                .train(train, validation);
        assertSameWeights(stopped.network(), plain.network());
    }

    @Test
    void a_run_resumed_during_its_patience_stops_and_restores_as_the_uninterrupted_one() {
        TrainedNetwork uninterrupted = new Trainer(plan, TrainingListener.NONE).train(train, validation);
        int best = uninterrupted.keptEpoch();
        RecordingCheckpoints everyEpoch = RecordingCheckpoints.every(1);
        everyEpoch.trainer(plan, TrainingListener.NONE, train).train(train, validation);
        // Saved one epoch after the best: the best weights exist only in the checkpoint.
        RecordingCheckpoints.Saved saved = everyEpoch.saved().get(best);
        assertThat(saved.best().epoch()).isEqualTo(best);
        assertThat(saved.best().since()).isEqualTo(1);
        TrainedNetwork resumed = new Trainer(plan, TrainingListener.NONE)
                .resume(saved.state(), saved.epoch(), saved.best(), train, validation);
        assertThat(resumed.stopReason()).isEqualTo(StopReason.PATIENCE);
        assertThat(resumed.keptEpoch()).isEqualTo(best);
        assertThat(resumed.history()).last().extracting(EpochReport::epoch)
                .isEqualTo(uninterrupted.history().size());
        assertSameWeights(resumed.network(), uninterrupted.network());
    }

    @Test
    void accuracy_must_improve_by_more_than_min_delta_to_count() {
        EarlyStopping strict = new EarlyStopping(EarlyStopping.Monitor.ACCURACY, 2, 0.01, true);
        assertThat(strict.improves(0.905, 0.9)).isFalse();
        assertThat(strict.improves(0.911, 0.9)).isTrue();
        assertThat(strict.improves(0.5, Double.NaN)).isTrue();
        EarlyStopping onLoss = new EarlyStopping(EarlyStopping.Monitor.LOSS, 2, 0.01, true);
        assertThat(onLoss.improves(0.295, 0.3)).isFalse();
        assertThat(onLoss.improves(0.28, 0.3)).isTrue();
    }

    private static void assertSameWeights(Network actual, Network expected) {
        List<float[]> a = actual.parameters().stream().map(Parameter::values).toList();
        List<float[]> e = expected.parameters().stream().map(Parameter::values).toList();
        for (int p = 0; p < a.size(); p++) {
            assertThat(a.get(p)).as("tensor %d", p).isEqualTo(e.get(p));
        }
    }
}

package io.github.perceptron.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.perceptron.core.data.LabelledImages;
import io.github.perceptron.core.engine.Evaluator;
import io.github.perceptron.core.engine.Network;
import io.github.perceptron.core.engine.Parameter;
import io.github.perceptron.core.model.Provenance;
import io.github.perceptron.core.testing.InMemoryDatasetSource;
import io.github.perceptron.core.testing.RecordingCheckpoints;
import io.github.perceptron.core.testing.StopAfter;
import io.github.perceptron.core.testing.SyntheticImages;
import io.github.perceptron.core.trainer.TrainedNetwork;
import io.github.perceptron.core.trainer.Trainer;
import io.github.perceptron.core.usecase.TrainModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code averagedEpochs}: the kept weights are the mean of the last epochs' weights of the same run. */
class WeightAveragingTest {

    private final LabelledImages train = SyntheticImages.blobs(300, 6, 6, 3, 1);
    private final LabelledImages validation = SyntheticImages.blobs(90, 6, 6, 3, 2);
    private final TrainingPlan plain = TrainingPlan.builder().layers(36, 20, 3).epochs(5).batchSize(30).seed(7)
            .schedule(new io.github.perceptron.core.optim.LearningRateSchedule.Cosine(0)).build();
    private final TrainingPlan averaged = TrainingPlan.builder().layers(36, 20, 3).epochs(5).batchSize(30).seed(7)
            .schedule(new io.github.perceptron.core.optim.LearningRateSchedule.Cosine(0)).averageLastEpochs(3).build();

    @Test
    void the_kept_weights_are_the_mean_of_the_last_epochs_weights_of_the_plain_run() {
        List<float[]> third = weights(new Trainer(plain, new StopAfter(3)).train(train, validation).network());
        List<float[]> fourth = weights(new Trainer(plain, new StopAfter(4)).train(train, validation).network());
        List<float[]> fifth = weights(new Trainer(plain, TrainingListener.NONE).train(train, validation).network());

        TrainedNetwork run = new Trainer(averaged, TrainingListener.NONE).train(train, validation);

        List<float[]> kept = weights(run.network());
        for (int p = 0; p < kept.size(); p++) {
            float[] mean = new float[kept.get(p).length];
            for (int i = 0; i < mean.length; i++) {
                mean[i] = (float) (((double) third.get(p)[i] + fourth.get(p)[i] + fifth.get(p)[i]) / 3);
            }
            assertThat(kept.get(p)).as("tensor %d", p).isEqualTo(mean);
            assertThat(kept.get(p)).as("tensor %d differs from the last epoch's", p).isNotEqualTo(fifth.get(p));
        }
        assertThat(run.keptEpoch()).isEqualTo(5);
    }

    @Test
    void the_last_epoch_reports_on_the_average_and_the_earlier_ones_as_the_plain_run() {
        TrainedNetwork plainRun = new Trainer(plain, TrainingListener.NONE).train(train, validation);
        TrainedNetwork run = new Trainer(averaged, TrainingListener.NONE).train(train, validation);

        assertThat(run.last().evaluation().orElseThrow())
                .isEqualTo(Evaluator.evaluate(run.network(), validation));
        assertThat(run.last().evaluation().orElseThrow().loss())
                .isNotEqualTo(plainRun.last().evaluation().orElseThrow().loss());
        assertThat(run.history().subList(0, 4).stream().map(EpochReport::evaluation).toList())
                .isEqualTo(plainRun.history().subList(0, 4).stream().map(EpochReport::evaluation).toList());
    }

    @Test
    void a_stop_inside_the_averaged_epochs_saves_no_checkpoint_and_one_before_them_does() {
        RecordingCheckpoints onStop = RecordingCheckpoints.every(0);
        onStop.trainer(averaged, new StopAfter(3), train).train(train, validation);
        assertThat(onStop.saved()).isEmpty();

        RecordingCheckpoints early = RecordingCheckpoints.every(0);
        early.trainer(averaged, new StopAfter(2), train).train(train, validation);
        assertThat(early.saved()).extracting(RecordingCheckpoints.Saved::epoch).containsExactly(2);
        RecordingCheckpoints.Saved saved = early.saved().get(0);
        TrainedNetwork resumed = new Trainer(averaged, TrainingListener.NONE)
                .resume(saved.state(), saved.epoch(), saved.best(), train, validation);
        TrainedNetwork uninterrupted = new Trainer(averaged, TrainingListener.NONE).train(train, validation);
        List<float[]> expected = weights(uninterrupted.network());
        List<float[]> actual = weights(resumed.network());
        for (int p = 0; p < actual.size(); p++) {
            assertThat(actual.get(p)).as("tensor %d", p).isEqualTo(expected.get(p));
        }
    }

    @Test
    void the_model_says_its_weights_are_an_average_and_its_plan_keeps_both_levers() {
        TrainingPlan smoothedAndAveraged = TrainingPlan.builder().layers(36, 20, 3).epochs(5).batchSize(30).seed(7)
                .labelSmoothing(0.1).averageLastEpochs(3).build();
        TrainedModel trained = new TrainModel(new InMemoryDatasetSource(train, validation)).train(smoothedAndAveraged);
        Provenance provenance = trained.model().metadata().provenance().orElseThrow();
        assertThat(provenance.keptBecause()).isEqualTo("the mean of the last 3 epochs' weights (weight averaging)");
        assertThat(smoothedAndAveraged.describe()).containsEntry("labelSmoothing", 0.1).containsEntry("averagedEpochs", 3);
    }

    @Test
    void regular_checkpoints_early_stopping_and_too_many_epochs_are_refused() {
        assertThatThrownBy(() -> RecordingCheckpoints.every(1).trainer(averaged, TrainingListener.NONE, train))
                .hasMessageContaining("weight averaging cannot be checkpointed every few epochs");
        assertThatThrownBy(() -> TrainingPlan.builder().epochs(5).averageLastEpochs(6).build())
                .hasMessage("averaged epochs must be in [0, epochs = 5], was 6");
        assertThatThrownBy(() -> TrainingPlan.builder().epochs(5).averageLastEpochs(2)
                .earlyStopping(new EarlyStopping(EarlyStopping.Monitor.LOSS, 3, 0, true)).build())
                .hasMessageContaining("weight averaging and early stopping");
        assertThat(averaged.withEpochs(2).averagedEpochs()).isEqualTo(2);
    }

    private static List<float[]> weights(Network network) {
        return network.parameters().stream().map(Parameter::values).map(float[]::clone).toList();
    }
}
